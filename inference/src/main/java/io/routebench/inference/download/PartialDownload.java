package io.routebench.inference.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code .part} file of an unfinished download and what it was a part of: the SHA-256 of the
 * whole file and the server's validator ({@code ETag}), kept beside it so that a resume after a
 * restart continues only the same remote file.
 */
final class PartialDownload {

  private final Path part;
  private final Path meta;

  PartialDownload(Path target) {
    this.part = target.resolveSibling(target.getFileName() + ".part");
    this.meta = target.resolveSibling(target.getFileName() + ".part.properties");
  }

  /** What the part belongs to; empty without a part or without its description. */
  record Origin(String sha256, String etag, long size) {}

  Path part() {
    return part;
  }

  long bytesOnDisk() throws IOException {
    try {
      return Files.size(part);
    } catch (NoSuchFileException e) {
      return 0;
    }
  }

  Optional<Origin> origin() throws IOException {
    if (!Files.exists(part) || !Files.exists(meta)) {
      return Optional.empty();
    }
    var properties = new Properties();
    try (InputStream in = Files.newInputStream(meta)) {
      properties.load(in);
    }
    String sha = properties.getProperty("sha256", "");
    if (sha.isEmpty()) {
      return Optional.empty();
    }
    long size;
    try {
      size = Long.parseLong(properties.getProperty("size", "-1"));
    } catch (NumberFormatException e) {
      size = -1;
    }
    return Optional.of(new Origin(sha, properties.getProperty("etag", ""), size));
  }

  void describe(Origin origin) throws IOException {
    var properties = new Properties();
    properties.setProperty("sha256", origin.sha256());
    properties.setProperty("etag", origin.etag());
    properties.setProperty("size", Long.toString(origin.size()));
    Path temporary = meta.resolveSibling(meta.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      properties.store(out, "RouteBench: what " + part.getFileName() + " is a part of");
    }
    try {
      Files.move(
          temporary, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, meta, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Where an unfinished download stays and what to do with it, for messages after a failure or an
   * interruption.
   */
  String keptAdvice() {
    return "What was downloaded is kept in "
        + part
        + " and the next try resumes it (or delete it and "
        + meta.getFileName()
        + " beside it to start over).";
  }

  /** Deletes the part and its description. */
  void discard() throws IOException {
    Files.deleteIfExists(part);
    Files.deleteIfExists(meta);
  }

  /** The part became the finished file: only its description is left to remove. */
  void forgetDescription() throws IOException {
    Files.deleteIfExists(meta);
  }
}
