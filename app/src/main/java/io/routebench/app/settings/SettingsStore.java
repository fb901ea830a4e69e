package io.routebench.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.app.files.AtomicFiles;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The workbench's settings: read once at start, changed in memory, written after a short delay so
 * that a burst of changes (a window being dragged) becomes one write, and always atomically (a
 * temporary file moved over the old one) so that a crash mid-write leaves the previous settings.
 *
 * <p>Thread-safe: updates may come from any thread; writes happen on the injected scheduler or in
 * {@link #flush()}.
 */
public final class SettingsStore {

  public static final Duration DEFAULT_SAVE_DELAY = Duration.ofSeconds(1);

  private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());
  private static final DateTimeFormatter BACKUP_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path file;
  private final String writerVersion;
  private final ScheduledExecutorService scheduler;
  private final Duration saveDelay;
  private final ObjectNode preserved;

  private AppSettings current;
  private AppSettings written;
  private ScheduledFuture<?> scheduledSave;

  private SettingsStore(
      Path file,
      String writerVersion,
      ScheduledExecutorService scheduler,
      Duration saveDelay,
      AppSettings loaded,
      ObjectNode preserved) {
    this.file = file;
    this.writerVersion = writerVersion;
    this.scheduler = scheduler;
    this.saveDelay = saveDelay;
    this.current = loaded;
    this.written = loaded;
    this.preserved = preserved;
  }

  /**
   * Reads {@code file}; a missing file gives the defaults. A file that cannot be read in full is
   * copied aside ({@code settings.json.unreadable-<time>}) before anything overwrites it, and what
   * could be read is used.
   */
  public static SettingsStore load(
      Path file, String writerVersion, ScheduledExecutorService scheduler, Duration saveDelay) {
    AppSettings settings = AppSettings.DEFAULTS;
    ObjectNode document = SettingsJson.emptyDocument();
    try {
      String json = Files.readString(file, StandardCharsets.UTF_8);
      SettingsJson.Parsed parsed = SettingsJson.parse(json);
      settings = parsed.settings();
      document = parsed.document();
      if (!parsed.problems().isEmpty()) {
        LOG.log(
            Level.WARNING,
            "{0}: some settings could not be read and were reset:\n  {1}",
            file,
            String.join("\n  ", parsed.problems()));
        backUp(file);
      }
    } catch (NoSuchFileException firstStart) {
      // Nothing to read yet: the defaults are the settings.
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      LOG.log(
          Level.WARNING,
          "{0}:{1}:{2}: settings are not valid JSON ({3}); starting with defaults",
          file,
          location == null ? 0 : location.getLineNr(),
          location == null ? 0 : location.getColumnNr(),
          e.getOriginalMessage());
      backUp(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, file + ": cannot read settings; starting with defaults", e);
    }
    return new SettingsStore(file, writerVersion, scheduler, saveDelay, settings, document);
  }

  public Path file() {
    return file;
  }

  public synchronized AppSettings current() {
    return current;
  }

  /** Applies {@code change} to the current settings and schedules a write. */
  public synchronized void update(UnaryOperator<AppSettings> change) {
    current = change.apply(current);
    if (scheduledSave == null && !current.equals(written)) {
      try {
        scheduledSave =
            scheduler.schedule(this::saveScheduled, saveDelay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException shuttingDown) {
        // The window reports its last moves while closing, after the final flush: nothing to keep.
      }
    }
  }

  /** Writes pending changes now (on exit); returns once they are on disk or the write failed. */
  public synchronized void flush() {
    if (scheduledSave != null) {
      scheduledSave.cancel(false);
      scheduledSave = null;
    }
    writeIfChanged();
  }

  private synchronized void saveScheduled() {
    scheduledSave = null;
    writeIfChanged();
  }

  private void writeIfChanged() {
    if (current.equals(written)) {
      return;
    }
    AppSettings snapshot = current;
    try {
      AtomicFiles.writeString(file, SettingsJson.write(snapshot, preserved, writerVersion));
      written = snapshot;
    } catch (IOException e) {
      // Settings are a convenience: keep running and try again with the next change.
      LOG.log(Level.WARNING, file + ": cannot save settings", e);
    }
  }

  private static void backUp(Path file) {
    Path backup =
        file.resolveSibling(
            file.getFileName() + ".unreadable-" + LocalDateTime.now().format(BACKUP_STAMP));
    try {
      Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
      LOG.log(Level.WARNING, "kept a copy of the unreadable settings at {0}", backup);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not keep a copy of the unreadable settings " + file, e);
    }
  }
}
