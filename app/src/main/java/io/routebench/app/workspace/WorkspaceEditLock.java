package io.routebench.app.workspace;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps a second RouteBench from editing a workspace that is already open for editing: both would
 * save their whole document on every edit, and each save would silently undo the other's work.
 *
 * <p>The lock is an operating-system lock on a file in RouteBench's own lock folder, named after
 * the workspace's real path, so it disappears with the process that held it, crash included. Two
 * places it must not be: the workspace file itself, where SQLite keeps its locks, and anywhere
 * beside it. On Linux and macOS these are POSIX locks, which a process loses the moment any of its
 * code closes any handle on the file, and the native file chooser opens the files it lists to guess
 * their type. Closing deletes the lock file while still holding its lock, so lock files do not pile
 * up; a process that opened the file just before could then lock a file that no longer has a name
 * while a third process creates and locks a new one, so after locking, {@link #acquire} checks that
 * the name still leads to the file it locked, and starts over when it does not. The headless
 * commands do not take the lock; SQLite keeps their reads and writes consistent. Users with
 * separate RouteBench homes do not see each other's locks.
 */
public final class WorkspaceEditLock implements AutoCloseable {

  /** One byte far past the end of the file: a lock there never keeps anyone from reading it. */
  private static final long LOCKED_BYTE = 1L << 40;

  /** How often acquiring starts over because the lock file was deleted under it. */
  private static final int ATTEMPTS = 5;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceEditLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The same file for every spelling of the workspace's path (relative, through links). */
  static Path lockFileOf(Path workspace, Path lockDir) {
    String key = realPath(workspace).toString();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return lockDir.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".lock");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Path realPath(Path workspace) {
    Path absolute = workspace.toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute)) {
        return absolute.toRealPath();
      }
      // Not created yet: its folder's real path stands for it.
      return absolute.getParent().toRealPath().resolve(absolute.getFileName());
    } catch (IOException e) {
      return absolute;
    }
  }

  /**
   * @throws WorkspaceAccessException when another RouteBench holds the workspace (the message says
   *     which process, where known) or the lock file cannot be written
   */
  public static WorkspaceEditLock acquire(Path workspace, Path lockDir) {
    Path file = lockFileOf(workspace, lockDir);
    for (int attempt = 1; ; attempt++) {
      WorkspaceEditLock held = tryAcquire(workspace, file, lockDir);
      if (held != null) {
        return held;
      }
      if (attempt == ATTEMPTS) {
        throw new WorkspaceAccessException(
            workspace
                + ": cannot take the edit lock "
                + file
                + ": other RouteBench windows keep opening and closing it; try again");
      }
    }
  }

  /** The lock, or {@code null} when the file locked was deleted meanwhile and the name is new. */
  private static WorkspaceEditLock tryAcquire(Path workspace, Path file, Path lockDir) {
    FileChannel channel = null;
    try {
      Files.createDirectories(lockDir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Object opened = fileKey(file);
      FileLock lock = channel.tryLock(LOCKED_BYTE, 1, false);
      if (lock == null) {
        String holder = readHolder(channel);
        throw alreadyOpen(workspace, holder.isEmpty() ? "another RouteBench" : holder);
      }
      if (opened == null || !opened.equals(fileKey(file))) {
        // The holder deleted the file between our open and our lock: lock the new one instead.
        closeQuietly(channel);
        return null;
      }
      channel.truncate(0);
      String holder = describeThisProcess() + "\n" + realPath(workspace) + "\n";
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new WorkspaceEditLock(file, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw alreadyOpen(workspace, "this RouteBench");
    } catch (WorkspaceAccessException e) {
      closeQuietly(channel);
      throw e;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new WorkspaceAccessException(
          workspace + ": cannot write the edit lock " + file + ": " + reason(e, file), e);
    }
  }

  /** The file's identity (device and inode where the system has them), or null when it is gone. */
  private static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      // Gone (or unreadable) between our open and this look: the caller then locks the file anew,
      // and a lasting problem surfaces there with its reason.
      return null;
    }
  }

  /** Deletes the lock file, then releases the lock: no name is left behind. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
      lock.release();
    } catch (IOException e) {
      // The process releases the lock at the latest when it ends.
    } finally {
      closeQuietly(channel);
    }
  }

  private static WorkspaceAccessException alreadyOpen(Path workspace, String holder) {
    return new WorkspaceAccessException(
        workspace
            + " is already open in "
            + holder
            + ". Editing it in two places would make each save undo the other's changes: close it"
            + " there first, or open a copy of the file.");
  }

  private static String reason(IOException e, Path file) {
    return switch (e) {
      case NoSuchFileException missing -> "the folder " + file.getParent() + " does not exist";
      case AccessDeniedException denied -> "no permission to write in " + file.getParent();
      default -> String.valueOf(e.getMessage());
    };
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing was written through it that matters.
    }
  }

  private static String readHolder(FileChannel channel) {
    try {
      var buffer = ByteBuffer.allocate(200);
      int read = channel.read(buffer, 0);
      return read <= 0
          ? ""
          : new String(buffer.array(), 0, read, StandardCharsets.UTF_8)
              .lines()
              .findFirst()
              .orElse("");
    } catch (IOException e) {
      // Only the wording of "already open in …" depends on it: the caller says "another
      // RouteBench" instead of naming the holder.
      return "";
    }
  }

  private static String describeThisProcess() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "this computer";
    }
    return "RouteBench (process " + ProcessHandle.current().pid() + " on " + host + ")";
  }
}
