package io.routebench.core.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A path that names a folder, a named pipe, a device or a socket where RouteBench expects a file.
 * Reading a pipe blocks until another program writes to it, and a device such as {@code /dev/zero}
 * never ends: both would hang a command or fill memory, so they are refused before they are opened.
 */
public final class NotARegularFileException extends IOException {

  private final transient Path file;
  private final String kind;

  NotARegularFileException(Path file, String kind) {
    super(
        file
            + " is "
            + kind
            + ", not a regular file; RouteBench reads regular files only (a pipe or a device could"
            + " block or never end). Give the path of the file itself.");
    this.file = file;
    this.kind = kind;
  }

  public Path file() {
    return file;
  }

  /** What is there instead, e.g. "a named pipe (FIFO)". */
  public String kind() {
    return kind;
  }
}
