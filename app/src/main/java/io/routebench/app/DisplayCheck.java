package io.routebench.app;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Whether the workbench has a screen to open on. Without one, JavaFX ends in a stack trace ("Unable
 * to open DISPLAY"); the user should read one line instead: what is missing, and that the commands
 * need no display.
 */
final class DisplayCheck {

  /** What to say when there is no display, whoever notices it first (this check or JavaFX). */
  static final String NO_DISPLAY =
      "routebench: the workbench needs a display, and there is none (%s). The commands work"
          + " without one: routebench --help lists them.";

  private DisplayCheck() {}

  /**
   * @param properties system properties ({@code glass.platform=Monocle} draws without a display)
   * @param environment environment variables
   * @return the line to print, or empty when a window can be tried
   */
  static Optional<String> problem(
      UnaryOperator<String> properties, UnaryOperator<String> environment, String osName) {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")
        || "Monocle".equalsIgnoreCase(properties.apply("glass.platform"))) {
      return Optional.empty();
    }
    if (isSet(environment.apply("DISPLAY"))) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            NO_DISPLAY,
            isSet(environment.apply("WAYLAND_DISPLAY"))
                ? "DISPLAY is not set: JavaFX draws through X11, so a Wayland session needs"
                    + " XWayland"
                : "DISPLAY is not set"));
  }

  /** JavaFX's own finding, e.g. DISPLAY names a server that does not answer. */
  static Optional<String> problem(Throwable launchFailure, String display) {
    for (Throwable cause = launchFailure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnsupportedOperationException
          && String.valueOf(cause.getMessage()).contains("Unable to open DISPLAY")) {
        return Optional.of(String.format(NO_DISPLAY, "DISPLAY=" + display + " cannot be opened"));
      }
    }
    return Optional.empty();
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
