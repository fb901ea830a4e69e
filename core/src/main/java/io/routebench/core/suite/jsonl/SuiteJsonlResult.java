package io.routebench.core.suite.jsonl;

import io.routebench.core.suite.TestCase;
import java.util.List;

/**
 * What a suite file held: the cases of the good lines, in file order, and every problem of the bad
 * lines (a bad line may have several). The caller decides whether to import a partial result.
 */
public record SuiteJsonlResult(
    List<TestCase> cases, List<LineError> errors, List<Integer> caseLineNumbers) {

  /**
   * @param caseLineNumbers the 1-based line each case came from, parallel to {@code cases}, so a
   *     problem found later (e.g. an unknown expected route) can name the line
   */
  public SuiteJsonlResult {
    cases = List.copyOf(cases);
    errors = List.copyOf(errors);
    caseLineNumbers = List.copyOf(caseLineNumbers);
    if (caseLineNumbers.size() != cases.size()) {
      throw new IllegalArgumentException("one line number per case");
    }
  }

  /** The line the case at {@code index} came from. */
  public int lineOf(int index) {
    return caseLineNumbers.get(index);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** How many lines were rejected (a line with several problems counts once). */
  public long badLineCount() {
    return errors.stream().mapToInt(LineError::lineNumber).distinct().count();
  }
}
