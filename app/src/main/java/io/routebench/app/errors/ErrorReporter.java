package io.routebench.app.errors;

/**
 * Tells the user that something went wrong. The workbench shows a dialog; tests record the calls.
 * Must be called on the UI thread.
 */
public interface ErrorReporter {

  /**
   * @param title a short headline, e.g. "Cannot open workspace"
   * @param message what happened and what the user can do, naming files where there are any
   * @param detail the underlying exception for the details section, or {@code null}
   */
  void showError(String title, String message, Throwable detail);

  /**
   * Something worked, but not entirely as the user may expect (e.g. an export that had to leave out
   * what the format cannot carry).
   */
  void showWarning(String title, String message);
}
