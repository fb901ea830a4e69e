package io.routebench.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

  private final ValidationReport report =
      new ValidationReport(
          List.of(
              ValidationIssue.warning("targets[1]", "target \"x/y\" is not used by any route"),
              ValidationIssue.error("domains[0].name", "domain name is empty")));

  @Test
  void errors_and_warnings_are_separated_in_order() {
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.errors())
        .extracting(ValidationIssue::path)
        .containsExactly("domains[0].name");
    assertThat(report.warnings()).extracting(ValidationIssue::path).containsExactly("targets[1]");
  }

  @Test
  void format_renders_one_line_per_issue_with_source_and_severity() {
    assertThat(report.format("policies.yaml"))
        .isEqualTo(
            """
            policies.yaml: warning: targets[1]: target "x/y" is not used by any route
            policies.yaml: error: domains[0].name: domain name is empty
            """);
  }

  @Test
  void a_report_with_only_warnings_has_no_errors() {
    var warningsOnly = new ValidationReport(List.of(ValidationIssue.warning("domains", "empty")));

    assertThat(warningsOnly.hasErrors()).isFalse();
    assertThat(new ValidationReport(List.of()).format("a.yaml")).isEmpty();
  }
}
