package io.routebench.app.testing;

import io.routebench.app.errors.ErrorReporter;
import java.util.ArrayList;
import java.util.List;

/** Remembers the errors and warnings the user would have been shown. */
public final class RecordingErrorReporter implements ErrorReporter {

  public record Shown(String title, String message, Throwable detail) {}

  public record Warning(String title, String message) {}

  private final List<Shown> shown = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();

  @Override
  public void showError(String title, String message, Throwable detail) {
    shown.add(new Shown(title, message, detail));
  }

  @Override
  public void showWarning(String title, String message) {
    warnings.add(new Warning(title, message));
  }

  public List<Warning> warnings() {
    return List.copyOf(warnings);
  }

  public List<Shown> shown() {
    return List.copyOf(shown);
  }
}
