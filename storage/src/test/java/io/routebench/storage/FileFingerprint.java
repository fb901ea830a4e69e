package io.routebench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/** A file's content hash and modification time: equal fingerprints mean the file was untouched. */
public record FileFingerprint(String sha256, FileTime modified, long size) {

  public static FileFingerprint of(Path file) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return new FileFingerprint(
          HexFormat.of().formatHex(digest), Files.getLastModifiedTime(file), Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every file in {@code folder} with its fingerprint: equal maps mean nothing added, removed or
   * changed.
   */
  public static Map<Path, FileFingerprint> ofFolder(Path folder) {
    var files = new HashMap<Path, FileFingerprint>();
    try (Stream<Path> paths = Files.list(folder)) {
      paths.forEach(path -> files.put(path.getFileName(), of(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * Backdates the file so a write during the test would show in the modification time even on file
   * systems with coarse timestamps.
   */
  public static void backdate(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_000L));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
