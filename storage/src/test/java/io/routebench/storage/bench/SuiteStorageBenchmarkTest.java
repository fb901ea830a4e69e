package io.routebench.storage.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteStorageBenchmarkTest {

  @TempDir Path dir;

  @Test
  void a_small_run_reports_what_it_stored_and_cleans_up() throws IOException {
    SuiteStorageBenchmark.Report report = SuiteStorageBenchmark.run(dir, 200);

    assertThat(report.cases()).isEqualTo(200);
    assertThat(report.messages()).isBetween(200, 1_000);
    assertThat(report.fileBytes()).isPositive();
    assertThat(report.summary()).startsWith("200 cases (" + report.messages() + " messages)");
    try (var leftovers = Files.list(dir)) {
      assertThat(leftovers).isEmpty();
    }
  }

  @Test
  void the_generated_cases_are_the_same_every_time() {
    assertThat(SyntheticCases.generate(50, 7)).isEqualTo(SyntheticCases.generate(50, 7));
  }

  @Test
  void at_least_one_case_is_needed() {
    assertThatThrownBy(() -> SuiteStorageBenchmark.run(dir, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
