package io.routebench.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Judges a {@code -journal} file found beside a database before SQLite sees it. SQLite rolls back
 * any hot journal that sits beside a database it opens for writing, even one copied there from
 * another database (SQLite's "How To Corrupt An SQLite Database File", 2.3: mispairing a database
 * and a hot journal): it writes the journal's pages into the file, cuts the file to the size the
 * journal names, and deletes the journal. Nothing in a journal names its database, so the judgement
 * rests on what must hold for a journal the database wrote itself, read with plain file I/O as the
 * rollback journal format (sqlite.org fileformat2.html, section 3) lays it out:
 *
 * <ul>
 *   <li>a journal that is empty or starts with a zero byte is not hot: SQLite ignores it;
 *   <li>anything else must be a rollback journal, for the database's page size;
 *   <li>every copy of page 1 among the records SQLite would play back (those whose checksums hold)
 *       carries the database's application id and page size, and a change counter one behind the
 *       database's or equal to it: a transaction changes page 1's counter once, so the database is
 *       at the copy's count (stopped before writing it) or one past it;
 *   <li>the size the journal restores is not larger than the database, whose transactions in
 *       RouteBench only grow it, and equals it when there is no record to play back (the database
 *       was not written yet: a journal is synced before the first page of the database changes).
 * </ul>
 *
 * <p>A journal that passes is the database's own, or one whose playback restores what the database
 * already holds; a journal of a copy of the workspace made since its last change cannot be told
 * apart, and rolls back to the same pages.
 */
public final class RollbackJournal {

  /** What the journal beside a database is. */
  public enum Verdict {
    /** No {@code -journal} file. */
    NONE,
    /** The database's own (or one SQLite ignores): SQLite may roll it back. */
    OWN,
    /** A journal that cannot be the database's: it must never be played back. */
    STRANGER
  }

  /**
   * @param reason for a stranger, why, in words that complete "it is not this workspace's: …"
   */
  public record Judgement(Verdict verdict, String reason) {

    static Judgement none() {
      return new Judgement(Verdict.NONE, "");
    }

    static Judgement own() {
      return new Judgement(Verdict.OWN, "");
    }

    static Judgement stranger(String reason) {
      return new Judgement(Verdict.STRANGER, reason);
    }
  }

  private static final byte[] MAGIC = {
    (byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7
  };
  private static final int HEADER_FIELDS = 28;
  private static final int RECORD_COUNT_OFFSET = 8;
  private static final int NONCE_OFFSET = 12;
  private static final int INITIAL_PAGES_OFFSET = 16;
  private static final int SECTOR_SIZE_OFFSET = 20;
  private static final int PAGE_SIZE_OFFSET = 24;
  private static final int COMPUTE_FROM_SIZE = -1;

  private RollbackJournal() {}

  /** Where SQLite looks for the rollback journal of {@code database}. */
  public static Path of(Path database) {
    return database.resolveSibling(database.getFileName() + "-journal");
  }

  /**
   * Judges the journal beside {@code database}, whose header says {@code facts}.
   *
   * @throws IOException when the journal is there but cannot be read
   */
  public static Judgement judge(Path database, SqliteHeader.Facts facts) throws IOException {
    Path journal = of(database);
    if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
      return Judgement.none();
    }
    if (!Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
      return Judgement.stranger("it is not a regular file");
    }
    long journalSize = Files.size(journal);
    long databasePages = Files.size(database) / Math.max(1, facts.pageSize());
    try (InputStream in = Files.newInputStream(journal)) {
      return judgeRecords(in, journalSize, facts, databasePages);
    }
  }

  private static Judgement judgeRecords(
      InputStream in, long journalSize, SqliteHeader.Facts facts, long databasePages)
      throws IOException {
    byte[] fields = in.readNBytes(HEADER_FIELDS);
    if (fields.length == 0 || fields[0] == 0) {
      return Judgement.own(); // not hot: SQLite leaves the database alone
    }
    if (fields.length < HEADER_FIELDS || !startsWithMagic(fields)) {
      return Judgement.stranger("it is not a rollback journal SQLite wrote");
    }
    ByteBuffer header = ByteBuffer.wrap(fields);
    int pageSize = header.getInt(PAGE_SIZE_OFFSET);
    int sectorSize = header.getInt(SECTOR_SIZE_OFFSET);
    if (!isPowerOfTwo(pageSize, 512, 65536) || !isPowerOfTwo(sectorSize, 32, 65536)) {
      return Judgement.stranger("its header is damaged");
    }
    if (pageSize != facts.pageSize()) {
      return Judgement.stranger(
          "its pages are "
              + pageSize
              + " bytes and the workspace's are "
              + facts.pageSize()
              + " bytes");
    }
    long initialPages = Integer.toUnsignedLong(header.getInt(INITIAL_PAGES_OFFSET));
    if (initialPages > databasePages) {
      return Judgement.stranger(
          "it would make the workspace "
              + initialPages
              + " pages long, and it is "
              + databasePages
              + " pages long");
    }
    int recordSize = pageSize + 8;
    int declared = header.getInt(RECORD_COUNT_OFFSET);
    long records =
        declared == COMPUTE_FROM_SIZE
            ? Math.max(0, (journalSize - sectorSize) / recordSize)
            : Integer.toUnsignedLong(declared);
    if (records == 0 && initialPages != databasePages) {
      return Judgement.stranger(
          "it would cut the workspace from "
              + databasePages
              + " to "
              + initialPages
              + " pages without restoring any");
    }
    in.skipNBytes(sectorSize - HEADER_FIELDS);
    int nonce = header.getInt(NONCE_OFFSET);
    byte[] record = new byte[recordSize];
    for (long i = 0; i < records; i++) {
      if (in.readNBytes(record, 0, recordSize) < recordSize) {
        break;
      }
      ByteBuffer bytes = ByteBuffer.wrap(record);
      if (bytes.getInt(recordSize - 4) != checksum(nonce, record, pageSize)) {
        break; // SQLite stops playing back here
      }
      if (bytes.getInt(0) == 1) {
        String problem = pageOneProblem(bytes, facts);
        if (problem != null) {
          return Judgement.stranger(problem);
        }
      }
    }
    return Judgement.own();
  }

  /** Why a copy of page 1 in the journal cannot be this database's, or null when it can. */
  private static String pageOneProblem(ByteBuffer record, SqliteHeader.Facts facts) {
    int base = 4; // after the page number
    String mismatch = SqliteHeader.firstPageMismatch(record, base, facts);
    if (mismatch != null) {
      return mismatch;
    }
    int counter = SqliteHeader.changeCounter(record, base);
    int behind = facts.changeCounter() - counter;
    if (behind != 0 && behind != 1) {
      return "it holds the first page of the database as it was "
          + Integer.toUnsignedString(counter)
          + " changes in, and the workspace is at change "
          + Integer.toUnsignedString(facts.changeCounter())
          + " (it may come from another copy of the workspace)";
    }
    return null;
  }

  /**
   * SQLite's journal record checksum: the header's nonce plus every 200th byte of the page, counted
   * from its end (pager.c, {@code pager_cksum}).
   */
  private static int checksum(int nonce, byte[] record, int pageSize) {
    int sum = nonce;
    for (int i = pageSize - 200; i > 0; i -= 200) {
      sum += Byte.toUnsignedInt(record[4 + i]);
    }
    return sum;
  }

  private static boolean startsWithMagic(byte[] fields) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (fields[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPowerOfTwo(int value, int smallest, int largest) {
    return value >= smallest && value <= largest && Integer.bitCount(value) == 1;
  }
}
