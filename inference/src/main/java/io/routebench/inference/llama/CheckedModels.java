package io.routebench.inference.llama;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The GGUF files that loaded without harm in a separate process ({@link FirstLoadCheck}), by
 * SHA-256 and llama.cpp build, so that a model checked once loads into the workbench at once
 * afterwards. A renamed or moved file is still known; a changed one is not.
 *
 * <p>Kept in a small JSON file in RouteBench's data folder. A record that cannot be read is treated
 * as empty (every file is checked again) and replaced on the next write: it only ever saves time.
 */
public final class CheckedModels {

  private static final System.Logger LOG = System.getLogger("io.routebench.llama");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Files beyond this many, checked longest ago, are forgotten. */
  static final int MAX_ENTRIES = 500;

  /**
   * One file that passed.
   *
   * @param engine the llama.cpp build it passed with ({@link LlamaEngineLoader#BINDING}); another
   *     build is checked again
   * @param warnings what the load said about the file (e.g. its chat template is not used), so that
   *     {@code routebench model} can say it without loading the file again
   */
  public record Entry(
      @JsonProperty("sha256") String sha256,
      @JsonProperty("file") String fileName,
      @JsonProperty("engine") String engine,
      @JsonProperty("checked") String checkedAt,
      @JsonProperty("warnings") List<String> warnings) {

    public Entry {
      Objects.requireNonNull(sha256, "sha256");
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
  }

  private record Document(
      @JsonProperty("format") int format, @JsonProperty("models") List<Entry> models) {}

  private final Path file;

  public CheckedModels(Path file) {
    this.file = Objects.requireNonNull(file);
  }

  public Path file() {
    return file;
  }

  /** The entry of the file with this SHA-256 that passed with this llama.cpp build, if any. */
  public Optional<Entry> find(String sha256) {
    synchronized (CheckedModels.class) {
      return read().stream()
          .filter(e -> e.sha256().equals(sha256) && LlamaEngineLoader.BINDING.equals(e.engine()))
          .findFirst();
    }
  }

  /**
   * Records that a file passed (replacing an older entry for it). Several loaders of one process
   * may share the record file: its read and rewrite happen under one lock.
   */
  public void add(String sha256, String fileName, List<String> warnings) {
    synchronized (CheckedModels.class) {
      addLocked(sha256, fileName, warnings);
    }
  }

  private void addLocked(String sha256, String fileName, List<String> warnings) {
    var entries = new ArrayList<Entry>();
    entries.add(
        new Entry(sha256, fileName, LlamaEngineLoader.BINDING, Instant.now().toString(), warnings));
    for (Entry old : read()) {
      if (!old.sha256().equals(sha256) && entries.size() < MAX_ENTRIES) {
        entries.add(old);
      }
    }
    write(entries);
  }

  private List<Entry> read() {
    try {
      Document document = JSON.readValue(Files.readAllBytes(file), Document.class);
      return document.models() == null
          ? List.of()
          : document.models().stream().filter(Objects::nonNull).toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "cannot read the record of checked models " + file + "; checking files again",
          e);
      return List.of();
    }
  }

  /** Writes beside the record and moves it in place, so a crash never leaves half a record. */
  private void write(List<Entry> entries) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.write(partial, JSON.writeValueAsBytes(new Document(1, entries)));
      try {
        Files.move(
            partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // The file passed all the same: it is only checked again next time.
      LOG.log(Level.WARNING, "cannot write the record of checked models " + file, e);
    }
  }
}
