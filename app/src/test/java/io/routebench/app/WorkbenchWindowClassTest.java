package io.routebench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Docks match a window to its launcher by WM_CLASS. JavaFX on GTK sets it to the Application
 * class's name (glass_window.cpp, get_application_name), so the desktop entry must name that class:
 * renaming or moving it without the entry fails here.
 */
class WorkbenchWindowClassTest {

  @Test
  void the_desktop_entry_names_the_window_class_javafx_gives_the_workbench() throws Exception {
    String entry =
        Files.readString(Path.of("..", "installers", "linux", "resources", "routebench.desktop"));

    assertThat(entry.lines()).contains("StartupWMClass=" + WorkbenchApplication.class.getName());
  }
}
