package io.routebench.app.workspace;

import java.nio.file.Path;
import java.util.Locale;

/** Naming rules for workspace files. */
public final class WorkspaceFiles {

  public static final String EXTENSION = ".routebench";

  private WorkspaceFiles() {}

  /** {@code file} with the {@code .routebench} extension added when the user left it out. */
  public static Path withExtension(Path file) {
    String name = file.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(EXTENSION)) {
      return file;
    }
    return file.resolveSibling(name + EXTENSION);
  }

  /** The file name without the extension: "My first workspace". */
  public static String displayName(Path file) {
    String name = file.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(EXTENSION) && name.length() > EXTENSION.length()) {
      return name.substring(0, name.length() - EXTENSION.length());
    }
    return name;
  }
}
