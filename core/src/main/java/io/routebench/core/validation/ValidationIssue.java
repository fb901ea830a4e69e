package io.routebench.core.validation;

/**
 * One problem, located by the path of the offending element.
 *
 * @param path e.g. {@code domains[1].actions[0].route} or {@code targets[2].access_key}
 */
public record ValidationIssue(Severity severity, String path, String message) {

  public static ValidationIssue error(String path, String message) {
    return new ValidationIssue(Severity.ERROR, path, message);
  }

  public static ValidationIssue warning(String path, String message) {
    return new ValidationIssue(Severity.WARNING, path, message);
  }
}
