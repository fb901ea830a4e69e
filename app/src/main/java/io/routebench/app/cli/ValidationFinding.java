package io.routebench.app.cli;

import io.routebench.core.config.ConfigFormatException;
import io.routebench.core.config.ConfigLocations;
import io.routebench.core.validation.Severity;
import io.routebench.core.validation.ValidationIssue;

/**
 * One problem {@code validate} found, wherever it came from (the YAML reader, the validator, a
 * damaged workspace), in the shape every output format needs.
 *
 * @param source what the text output prefixes the line with: the file name, or {@code w.routebench
 *     suite "coding"}
 * @param line 1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 * @param path the element's key path, {@code ""} when the problem concerns the whole file
 */
record ValidationFinding(
    String source, int line, int column, Severity severity, String path, String message) {

  static ValidationFinding of(ConfigFormatException.Problem problem, String source) {
    return new ValidationFinding(
        source,
        problem.line(),
        problem.column(),
        Severity.ERROR,
        problem.keyPath(),
        problem.message());
  }

  static ValidationFinding of(ValidationIssue issue, String source, ConfigLocations locations) {
    var at = locations.find(issue.path());
    return new ValidationFinding(
        source,
        at.map(ConfigLocations.Location::line).orElse(0),
        at.map(ConfigLocations.Location::column).orElse(0),
        issue.severity(),
        issue.path(),
        issue.message());
  }

  static ValidationFinding error(String source, String message) {
    return new ValidationFinding(source, 0, 0, Severity.ERROR, "", message);
  }

  static ValidationFinding warning(String source, String message) {
    return new ValidationFinding(source, 0, 0, Severity.WARNING, "", message);
  }

  boolean isError() {
    return severity == Severity.ERROR;
  }

  String severityWord() {
    return isError() ? "error" : "warning";
  }
}
