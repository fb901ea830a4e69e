package io.routebench.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one owner of every workspace file this process has open. A second open of a file that is
 * already open shares the first one's SQLite connection instead of opening another descriptor: on
 * POSIX, closing any descriptor of a file drops all of the process's locks on it (SQLite's "How To
 * Corrupt An SQLite Database File", section 2.2), so nothing in RouteBench may open a workspace
 * file behind SQLite's back while it is open, not even to read its header.
 *
 * <p>Thread-safe. Opening and the last close are serialised process-wide; they are rare next to the
 * work done on an open file.
 */
final class OpenWorkspaceFiles {

  /** An open file: its connection and how many {@link Workspace} handles use it. */
  static final class Entry {
    final Path key;
    final LockedConnection connection;
    final int schemaVersion;
    final boolean readOnly;

    /** Opened by {@link WorkspaceFile#openForReading}: never shared with a handle that writes. */
    final boolean forReadingOnly;

    /** What opening did that the user should hear of (a backup kept beside the file). */
    final List<String> notices;

    private final Runnable afterClose;
    private int users;

    Entry(Path key, LockedConnection connection, int schemaVersion, boolean readOnly) {
      this(key, connection, schemaVersion, readOnly, false, () -> {}, List.of());
    }

    /**
     * Opened by {@link WorkspaceFile#openForReading}: read-only, and never shared with a handle
     * that writes; {@code afterClose} cleans up after it (a private copy).
     */
    static Entry forReading(
        Path key, LockedConnection connection, int schemaVersion, Runnable afterClose) {
      return new Entry(key, connection, schemaVersion, true, true, afterClose, List.of());
    }

    Entry(
        Path key,
        LockedConnection connection,
        int schemaVersion,
        boolean readOnly,
        boolean forReadingOnly,
        Runnable afterClose,
        List<String> notices) {
      this.key = key;
      this.connection = connection;
      this.schemaVersion = schemaVersion;
      this.readOnly = readOnly;
      this.forReadingOnly = forReadingOnly;
      this.afterClose = afterClose;
      this.notices = List.copyOf(notices);
    }

    /** Closes the connection and cleans up after it (a private copy); for the last user only. */
    void close() {
      try {
        connection.close();
      } finally {
        afterClose.run();
      }
    }
  }

  /** Opens a file that this process does not have open yet. */
  @FunctionalInterface
  interface Opener {
    Entry open(Path key);
  }

  private static final Map<Path, Entry> OPEN = new HashMap<>();

  private OpenWorkspaceFiles() {}

  /**
   * A handle on {@code file}: the open one's connection when there is one, else a new one.
   *
   * @throws IllegalStateException when the file is open for reading only in this process
   */
  static Workspace acquire(Path file, Opener opener) {
    return acquire(file, opener, false);
  }

  /**
   * A handle for reading only: shares any open connection of {@code file} (a second descriptor
   * would endanger that one's locks), else opens with {@code opener}.
   */
  static Workspace acquireForReading(Path file, Opener opener) {
    return acquire(file, opener, true);
  }

  private static Workspace acquire(Path file, Opener opener, boolean forReading) {
    Path key = keyOf(file);
    synchronized (OPEN) {
      Entry entry = OPEN.get(key);
      if (entry == null) {
        entry = opener.open(key);
        OPEN.put(key, entry);
      } else if (entry.forReadingOnly && !forReading) {
        throw new IllegalStateException(
            file + " is open for reading only in this process; close it before editing it");
      }
      entry.users++;
      return new Workspace(file, entry);
    }
  }

  /** The open file's entry, if this process has {@code file} open. */
  static Optional<Entry> find(Path file) {
    synchronized (OPEN) {
      return Optional.ofNullable(OPEN.get(keyOf(file)));
    }
  }

  /** Called once per handle; the last one closes the connection. */
  static void release(Entry entry) {
    synchronized (OPEN) {
      entry.users--;
      if (entry.users > 0) {
        return;
      }
      OPEN.remove(entry.key);
    }
    // Outside the registry's lock: closing waits for the unit of work in progress.
    entry.close();
  }

  /** One key per file, however it is named (relative, through a link, with "..", ...). */
  private static Path keyOf(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }
}
