package io.routebench.core.suite.jsonl;

import io.routebench.core.suite.TestCase;
import java.util.List;

/**
 * What a suite file held: the cases of the good lines, in file order, and every problem of the bad
 * lines (a bad line may have several). The caller decides whether to import a partial result.
 */
public record SuiteJsonlResult(List<TestCase> cases, List<LineError> errors) {

  public SuiteJsonlResult {
    cases = List.copyOf(cases);
    errors = List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** How many lines were rejected (a line with several problems counts once). */
  public long badLineCount() {
    return errors.stream().mapToInt(LineError::lineNumber).distinct().count();
  }
}
