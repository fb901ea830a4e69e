package io.routebench.app.testing;

import io.routebench.app.errors.ErrorReporter;
import java.util.ArrayList;
import java.util.List;

/** Remembers the errors the user would have been shown. */
public final class RecordingErrorReporter implements ErrorReporter {

  public record Shown(String title, String message, Throwable detail) {}

  private final List<Shown> shown = new ArrayList<>();

  @Override
  public void showError(String title, String message, Throwable detail) {
    shown.add(new Shown(title, message, detail));
  }

  public List<Shown> shown() {
    return List.copyOf(shown);
  }
}
