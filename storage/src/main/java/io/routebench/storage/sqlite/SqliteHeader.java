package io.routebench.storage.sqlite;

import io.routebench.core.files.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
  private static final int WRITE_VERSION_OFFSET = 18;
  private static final int READ_VERSION_OFFSET = 19;
  private static final int PAYLOAD_FRACTIONS_OFFSET = 21;
  private static final int CHANGE_COUNTER_OFFSET = 24;
  private static final int PAGE_COUNT_OFFSET = 28;
  private static final int VERSION_VALID_FOR_OFFSET = 92;

  /** The read and write version bytes of a database in write-ahead-log mode. */
  private static final int WAL_FORMAT = 2;

  private static final int USER_VERSION_OFFSET = 60;
  private static final int APPLICATION_ID_OFFSET = 68;

  /**
   * What the header says. Exact for a database without a write-ahead log; for one with a log, the
   * log may hold newer values, which a connection then reads.
   *
   * @param wellFormed whether the header's fixed fields hold what SQLite writes there; when not,
   *     the other numbers mean nothing and SQLite itself must judge the damage
   * @param pageSize the page size in bytes (0 for a file shorter than a header)
   * @param writeAheadLog whether the database is in write-ahead-log mode (its read or write version
   *     byte is 2): only then can a {@code -wal} file beside it be its own
   * @param pageCount the database's size in pages as the header records it, or 0 when that record
   *     is stale (an old SQLite wrote the file) and only the file size tells
   * @param changeCounter the file change counter, which every transaction in rollback-journal mode
   *     advances by one
   */
  public record Facts(
      int applicationId,
      int userVersion,
      boolean wellFormed,
      int pageSize,
      boolean writeAheadLog,
      long pageCount,
      int changeCounter) {}

  private SqliteHeader() {}

  /**
   * Whether {@code file} starts with the SQLite 3 header; reads 16 bytes and nothing else.
   *
   * @throws io.routebench.core.files.NotARegularFileException for a pipe, device or folder, which
   *     is never opened
   */
  public static boolean isPresentIn(Path file) throws IOException {
    try (InputStream in = RegularFiles.open(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  /**
   * The header's facts, or empty when the file is not an SQLite 3 database. A database that was
   * created but never written (shorter than a header) has application id and version 0.
   */
  public static Optional<Facts> read(Path file) throws IOException {
    byte[] header;
    try (InputStream in = RegularFiles.open(file)) {
      header = in.readNBytes(HEADER_SIZE);
    }
    if (header.length < MAGIC.length
        || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
      return Optional.empty();
    }
    if (header.length < HEADER_SIZE) {
      return Optional.of(new Facts(0, 0, header.length == MAGIC.length, 0, false, 0, 0));
    }
    ByteBuffer bytes = ByteBuffer.wrap(header); // big-endian, as SQLite writes them
    int pageSize = Short.toUnsignedInt(bytes.getShort(PAGE_SIZE_OFFSET));
    boolean pageCountCurrent =
        bytes.getInt(VERSION_VALID_FOR_OFFSET) == bytes.getInt(CHANGE_COUNTER_OFFSET);
    return Optional.of(
        new Facts(
            bytes.getInt(APPLICATION_ID_OFFSET),
            bytes.getInt(USER_VERSION_OFFSET),
            isWellFormed(bytes),
            pageSize == 1 ? 65536 : pageSize,
            bytes.get(WRITE_VERSION_OFFSET) == WAL_FORMAT
                || bytes.get(READ_VERSION_OFFSET) == WAL_FORMAT,
            pageCountCurrent ? Integer.toUnsignedLong(bytes.getInt(PAGE_COUNT_OFFSET)) : 0,
            bytes.getInt(CHANGE_COUNTER_OFFSET)));
  }

  /**
   * Why a copy of page 1 found in a log or journal (its header at {@code base} in {@code page})
   * cannot be the first page of the database whose header says {@code facts}: another application
   * id or another page size. Null when it can.
   */
  static String firstPageMismatch(ByteBuffer page, int base, Facts facts) {
    int applicationId = page.getInt(base + APPLICATION_ID_OFFSET);
    if (applicationId != facts.applicationId()) {
      return "it holds the first page of another database (application id "
          + applicationId
          + ", the workspace's is "
          + facts.applicationId()
          + ")";
    }
    int pageSize = Short.toUnsignedInt(page.getShort(base + PAGE_SIZE_OFFSET));
    if (pageSize == 1) {
      pageSize = 65536;
    }
    if (pageSize != facts.pageSize()) {
      return "it holds the first page of a database with " + pageSize + "-byte pages";
    }
    return null;
  }

  /**
   * The file change counter in a copy of page 1 whose header is at {@code base} in {@code page}.
   */
  static int changeCounter(ByteBuffer page, int base) {
    return page.getInt(base + CHANGE_COUNTER_OFFSET);
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
