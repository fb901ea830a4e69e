package io.routebench.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens files that the user names, refusing anything but a regular file (after following symbolic
 * links): a named pipe would block the open until some other program writes to it, and a device
 * behind a link ({@code data.jsonl -> /dev/zero}) would be read until memory runs out. Every caller
 * reads with a bound of its own as well, since even a regular file may grow while it is read.
 */
public final class RegularFiles {

  private static final int TYPE_MASK = 0170000;
  private static final int FIFO = 0010000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int SOCKET = 0140000;

  private RegularFiles() {}

  /**
   * @throws java.nio.file.NoSuchFileException when nothing is there
   * @throws NotARegularFileException when something other than a regular file is there
   */
  public static void require(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isRegularFile()) {
      return;
    }
    throw new NotARegularFileException(file, kindOf(file, attributes));
  }

  /** Whether {@code file} is a regular file (links followed); false when it cannot be told. */
  public static boolean isRegular(Path file) {
    return Files.isRegularFile(file);
  }

  /** A stream on {@code file}, opened only once it is known to be a regular file. */
  public static InputStream open(Path file) throws IOException {
    require(file);
    return Files.newInputStream(file);
  }

  /**
   * At most {@code limit + 1} bytes of {@code file}: one more than allowed tells the caller the
   * file is over its limit even when it grew after its size was looked at.
   */
  public static byte[] readUpTo(Path file, int limit) throws IOException {
    try (InputStream in = open(file)) {
      return in.readNBytes(limit + 1);
    }
  }

  private static String kindOf(Path file, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a folder";
    }
    int mode;
    try {
      mode = ((Number) Files.getAttribute(file, "unix:mode")).intValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "not a regular file (a pipe, device or socket)";
    }
    return switch (mode & TYPE_MASK) {
      case FIFO -> "a named pipe (FIFO)";
      case CHARACTER_DEVICE -> "a character device";
      case BLOCK_DEVICE -> "a block device";
      case SOCKET -> "a socket";
      default -> "a special file";
    };
  }
}
