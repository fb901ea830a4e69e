package io.routebench.core.validation;

import java.util.List;

/** Every problem found at once, in document order. */
public record ValidationReport(List<ValidationIssue> issues) {

  public ValidationReport {
    issues = List.copyOf(issues);
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
  }

  public List<ValidationIssue> errors() {
    return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
  }

  public List<ValidationIssue> warnings() {
    return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
  }

  /** One line per issue, e.g. {@code policies.yaml: error: domains[0].route: ...}. */
  public String format(String sourceName) {
    var text = new StringBuilder();
    for (ValidationIssue issue : issues) {
      text.append(sourceName)
          .append(": ")
          .append(issue.severity() == Severity.ERROR ? "error" : "warning")
          .append(": ")
          .append(issue.path())
          .append(": ")
          .append(issue.message())
          .append('\n');
    }
    return text.toString();
  }
}
