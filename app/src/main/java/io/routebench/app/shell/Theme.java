package io.routebench.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/**
 * The workbench's look: AtlantaFX's Primer theme, light or dark. It is the application's user-agent
 * stylesheet, so that dialogs and popups follow it too; the workbench's own stylesheet adds to it
 * through the theme's colour variables.
 */
enum Theme {
  LIGHT,
  DARK;

  /**
   * Chooses the start-up theme: {@code -Droutebench.theme=dark|light} when given (screenshots,
   * scripts), else the one the user chose last time.
   */
  static Theme atStartup(boolean darkLastTime) {
    String chosen = System.getProperty("routebench.theme", "").toLowerCase(Locale.ROOT);
    return switch (chosen) {
      case "dark" -> DARK;
      case "light" -> LIGHT;
      default -> darkLastTime ? DARK : LIGHT;
    };
  }

  void apply() {
    Application.setUserAgentStylesheet(
        this == DARK
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }
}
