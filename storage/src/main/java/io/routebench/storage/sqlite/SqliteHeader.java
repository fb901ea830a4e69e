package io.routebench.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 16-byte magic string every SQLite 3 database starts with. Checked with plain file I/O before
 * the driver sees a file, because the driver would happily turn an empty or foreign file into a
 * database.
 */
public final class SqliteHeader {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteHeader() {}

  /** Whether {@code file} starts with the SQLite 3 header; reads 16 bytes and nothing else. */
  public static boolean isPresentIn(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }
}
