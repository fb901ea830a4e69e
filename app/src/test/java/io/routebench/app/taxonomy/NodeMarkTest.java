package io.routebench.app.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.validation.Severity;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NodeMarkTest {

  @Test
  void a_domain_mark_has_the_worst_severity_and_every_problem_of_its_nodes() {
    NodeMark combined =
        NodeMark.combine(
            Arrays.asList(
                null,
                new NodeMark(Severity.WARNING, "long description"),
                new NodeMark(Severity.ERROR, "no description")));

    assertThat(combined.severity()).isEqualTo(Severity.ERROR);
    assertThat(combined.problems()).isEqualTo("long description\nno description");
  }

  @Test
  void without_problems_there_is_no_mark() {
    assertThat(NodeMark.combine(Arrays.asList(null, null))).isNull();
  }
}
