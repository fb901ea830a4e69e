package io.routebench.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Judges a {@code -wal} file found beside a database before SQLite sees it. SQLite applies any
 * write-ahead log that sits beside a database it opens, even one copied there from another database
 * (SQLite's "How To Corrupt An SQLite Database File", 2.4: a mismatched WAL): the other database's
 * pages then replace the workspace's, and a read-write connection checkpoints them into the file
 * when it closes. Nothing inside a log names its database, so the judgement rests on what must hold
 * for a log the database wrote itself, read with plain file I/O as the WAL file format (sqlite.org
 * fileformat2.html, section 4) lays it out:
 *
 * <ul>
 *   <li>the database's header says it is in WAL mode: a database in rollback-journal mode (every
 *       workspace this RouteBench writes) has no log, so any log beside it is a stranger;
 *   <li>the log's header is a WAL header for the database's page size, with a valid checksum;
 *   <li>the frames SQLite would apply (those up to the last commit whose salts match the header and
 *       whose cumulative checksums hold) keep the database's identity: every copy of page 1 among
 *       them carries the same application id and page size, and when none does, every commit leaves
 *       the database at its own page count (a commit that changes the size rewrites page 1).
 * </ul>
 *
 * <p>A log that passes is the database's own or a log SQLite would ignore; a log from a copy of the
 * same database that was itself kept in WAL mode cannot be told apart by any file format fact.
 */
public final class WriteAheadLog {

  /** What the log beside a database is. */
  public enum Verdict {
    /** No {@code -wal} file. */
    NONE,
    /** A log the database may have written (see the class comment); SQLite may apply it. */
    OWN,
    /** A log that cannot be the database's: it must never be applied. */
    STRANGER
  }

  /**
   * @param committedFrames how many frames SQLite would apply (0 for a log it would ignore)
   * @param reason for a stranger, why, in words that complete "it is not this workspace's: …"
   */
  public record Judgement(Verdict verdict, int committedFrames, String reason) {

    static Judgement none() {
      return new Judgement(Verdict.NONE, 0, "");
    }

    static Judgement own(int frames) {
      return new Judgement(Verdict.OWN, frames, "");
    }

    static Judgement stranger(String reason) {
      return new Judgement(Verdict.STRANGER, 0, reason);
    }
  }

  private static final int HEADER_SIZE = 32;
  private static final int FRAME_HEADER_SIZE = 24;
  private static final int MAGIC = 0x377f0682;
  private static final int FORMAT_VERSION = 3007000;

  private WriteAheadLog() {}

  /** Where SQLite looks for the log of {@code database}. */
  public static Path of(Path database) {
    return database.resolveSibling(database.getFileName() + "-wal");
  }

  /**
   * Judges the log beside {@code database}, whose header says {@code facts}.
   *
   * @throws IOException when the log is there but cannot be read
   */
  public static Judgement judge(Path database, SqliteHeader.Facts facts) throws IOException {
    Path log = of(database);
    if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
      return Judgement.none();
    }
    if (!Files.isRegularFile(log)) {
      return Judgement.stranger("it is not a regular file");
    }
    if (!facts.writeAheadLog()) {
      return Judgement.stranger(
          "the workspace's own header says it does not use a write-ahead log, so no log can be"
              + " its own (it may come from another copy of the database)");
    }
    try (InputStream in = Files.newInputStream(log)) {
      return judgeFrames(in, facts, Files.size(database));
    }
  }

  private static Judgement judgeFrames(InputStream in, SqliteHeader.Facts facts, long fileSize)
      throws IOException {
    byte[] header = in.readNBytes(HEADER_SIZE);
    if (header.length < HEADER_SIZE) {
      return Judgement.own(0); // SQLite reads a log shorter than its header as empty
    }
    ByteBuffer fields = ByteBuffer.wrap(header);
    int magic = fields.getInt(0);
    if ((magic & 0xFFFFFFFE) != MAGIC || fields.getInt(4) != FORMAT_VERSION) {
      return Judgement.own(0); // not a log SQLite recognises: it ignores the content
    }
    ByteOrder order = (magic & 1) == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    int pageSize = fields.getInt(8);
    long[] sum = checksum(order, header, 0, 24, 0, 0);
    if ((int) sum[0] != fields.getInt(24) || (int) sum[1] != fields.getInt(28)) {
      return Judgement.own(0); // a torn header: SQLite ignores the log
    }
    if (pageSize != facts.pageSize()) {
      return Judgement.stranger(
          "its pages are "
              + pageSize
              + " bytes and the workspace's are "
              + facts.pageSize()
              + " bytes");
    }
    int salt1 = fields.getInt(16);
    int salt2 = fields.getInt(20);
    long databasePages =
        facts.pageCount() > 0 ? facts.pageCount() : fileSize / Math.max(1, facts.pageSize());
    byte[] frame = new byte[FRAME_HEADER_SIZE + pageSize];
    int frames = 0;
    int committed = 0;
    boolean pageOneSeen = false;
    var committedSizes = new ArrayList<Long>();
    while (in.readNBytes(frame, 0, frame.length) == frame.length) {
      ByteBuffer frameHeader = ByteBuffer.wrap(frame, 0, FRAME_HEADER_SIZE);
      int pageNumber = frameHeader.getInt(0);
      long sizeAfterCommit = Integer.toUnsignedLong(frameHeader.getInt(4));
      if (pageNumber == 0 || frameHeader.getInt(8) != salt1 || frameHeader.getInt(12) != salt2) {
        break;
      }
      sum = checksum(order, frame, 0, 8, sum[0], sum[1]);
      sum = checksum(order, frame, FRAME_HEADER_SIZE, pageSize, sum[0], sum[1]);
      if ((int) sum[0] != frameHeader.getInt(16) || (int) sum[1] != frameHeader.getInt(20)) {
        break;
      }
      frames++;
      if (pageNumber == 1) {
        String problem =
            SqliteHeader.firstPageMismatch(ByteBuffer.wrap(frame), FRAME_HEADER_SIZE, facts);
        if (problem != null) {
          return Judgement.stranger(problem);
        }
        pageOneSeen = true;
      }
      if (sizeAfterCommit != 0) {
        committedSizes.add(sizeAfterCommit);
        committed = frames;
      }
    }
    if (!pageOneSeen) {
      for (long size : committedSizes) {
        if (size != databasePages) {
          return Judgement.stranger(
              "it leaves the database "
                  + size
                  + " pages long without rewriting its first page, and the workspace is "
                  + databasePages
                  + " pages long");
        }
      }
    }
    return Judgement.own(committed);
  }

  /**
   * SQLite's WAL checksum: over 32-bit words in the log's byte order, two running sums that each
   * frame continues from the one before.
   */
  private static long[] checksum(
      ByteOrder order, byte[] bytes, int offset, int length, long s0, long s1) {
    ByteBuffer words = ByteBuffer.wrap(bytes, offset, length).order(order);
    int a = (int) s0;
    int b = (int) s1;
    for (int i = offset; i < offset + length; i += 8) {
      a += words.getInt(i) + b;
      b += words.getInt(i + 4) + a;
    }
    return new long[] {a, b};
  }
}
