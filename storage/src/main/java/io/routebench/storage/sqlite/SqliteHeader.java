package io.routebench.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first 100 bytes of an SQLite 3 database: its magic string and the two numbers that tell a
 * RouteBench workspace and its schema version. Read with plain file I/O before the driver sees a
 * file, because the driver would happily turn an empty or foreign file into a database, and because
 * reading them needs no SQLite connection (which would create companion files beside it).
 *
 * <p>Never call this for a file this process has open through SQLite: on POSIX, closing any
 * descriptor of a file drops every lock the process holds on it, SQLite's included. {@code
 * WorkspaceFile} makes sure of that.
 */
public final class SqliteHeader {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_SIZE = 100;
  private static final int PAGE_SIZE_OFFSET = 16;
  private static final int PAYLOAD_FRACTIONS_OFFSET = 21;
  private static final int USER_VERSION_OFFSET = 60;
  private static final int APPLICATION_ID_OFFSET = 68;

  /**
   * What the header says. Exact for a database without a write-ahead log; for one with a log, the
   * log may hold newer values, which a connection then reads.
   *
   * @param wellFormed whether the header's fixed fields hold what SQLite writes there; when not,
   *     the two numbers mean nothing and SQLite itself must judge the damage
   */
  public record Facts(int applicationId, int userVersion, boolean wellFormed) {}

  private SqliteHeader() {}

  /** Whether {@code file} starts with the SQLite 3 header; reads 16 bytes and nothing else. */
  public static boolean isPresentIn(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  /**
   * The header's facts, or empty when the file is not an SQLite 3 database. A database that was
   * created but never written (shorter than a header) has application id and version 0.
   */
  public static Optional<Facts> read(Path file) throws IOException {
    byte[] header;
    try (InputStream in = Files.newInputStream(file)) {
      header = in.readNBytes(HEADER_SIZE);
    }
    if (header.length < MAGIC.length
        || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
      return Optional.empty();
    }
    if (header.length < HEADER_SIZE) {
      return Optional.of(new Facts(0, 0, header.length == MAGIC.length));
    }
    ByteBuffer bytes = ByteBuffer.wrap(header); // big-endian, as SQLite writes them
    return Optional.of(
        new Facts(
            bytes.getInt(APPLICATION_ID_OFFSET),
            bytes.getInt(USER_VERSION_OFFSET),
            isWellFormed(bytes)));
  }

  /** The page size is a power of two from 512 to 65536, and the payload fractions are fixed. */
  private static boolean isWellFormed(ByteBuffer header) {
    int pageSize = Short.toUnsignedInt(header.getShort(PAGE_SIZE_OFFSET));
    boolean validPageSize =
        pageSize == 1 || (pageSize >= 512 && pageSize <= 32768 && Integer.bitCount(pageSize) == 1);
    return validPageSize
        && header.get(PAYLOAD_FRACTIONS_OFFSET) == 64
        && header.get(PAYLOAD_FRACTIONS_OFFSET + 1) == 32
        && header.get(PAYLOAD_FRACTIONS_OFFSET + 2) == 32;
  }
}
