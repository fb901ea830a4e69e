package io.routebench.core.run;

import java.time.Duration;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stores a run in a {@link RegressionRunRepository} while it is made. Answers are collected and
 * committed together at most {@code maxDelay} after the first of them arrived, so a crash loses at
 * most that much work while a fast engine (hundreds of answers a second) does not pay one commit
 * with an fsync per answer.
 *
 * <p>A storage failure does not stop the run: the answers stay in memory, the next flush tries
 * again, and {@link #finished} stores the whole run once more before it reports the failure with
 * {@link RunStorageException}, so a caller still has every answer (to write a report, or to show).
 */
public final class StoringRunRecorder implements RunRecorder {

  private final RegressionRunRepository runs;
  private final Duration maxDelay;
  private final ScheduledExecutorService flusher;
  private final Object lock = new Object();

  /** Answers not yet committed; guarded by {@link #lock}. */
  private SortedMap<Integer, TurnResult> pending = new TreeMap<>();

  private String runId;
  private boolean flushScheduled;
  private RuntimeException storageFailure;

  public StoringRunRecorder(RegressionRunRepository runs, Duration maxDelay) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
    var writer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("run-results-writer").daemon().factory());
    // When the run ends, finished() commits what is pending itself: a flush still waiting for its
    // delay is dropped instead of holding up the run's end by up to maxDelay.
    writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.flusher = writer;
  }

  /** Commits at most a second of answers at a time, the promise the README makes. */
  public StoringRunRecorder(RegressionRunRepository runs) {
    this(runs, Duration.ofSeconds(1));
  }

  /**
   * @throws RuntimeException when the run cannot be stored at all (a read-only or full disk): the
   *     caller learns it before any turn is asked
   */
  @Override
  public void started(RegressionRun header, SortedMap<Integer, TurnResult> results) {
    runs.startRun(header, results);
    synchronized (lock) {
      runId = header.id();
    }
  }

  @Override
  public void answered(String id, int ordinal, TurnResult result) {
    synchronized (lock) {
      pending.put(ordinal, result);
      scheduleFlush();
    }
  }

  /**
   * Commits the pending answers, stores the run's outcome and stops the writer thread.
   *
   * @throws RunStorageException when some answers or the outcome could not be stored
   */
  @Override
  public void finished(RegressionRun run) {
    flusher.shutdown();
    try {
      // Only a flush already writing is waited for; one still waiting for its delay is dropped.
      flusher.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
    RuntimeException failure;
    synchronized (lock) {
      failure = storageFailure;
    }
    try {
      if (failure == null) {
        runs.finishRun(run.id(), run.status(), run.durationMillis(), run.failureMessage());
      } else {
        // Some answers may be missing from the file: store the whole run again.
        runs.save(run);
      }
    } catch (RuntimeException e) {
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw new RunStorageException(run, e);
    }
  }

  /** Arms the writer unless it is armed already or stopped; call with {@link #lock} held. */
  private void scheduleFlush() {
    if (!flushScheduled && !flusher.isShutdown()) {
      flushScheduled = true;
      flusher.schedule(this::flush, maxDelay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void flush() {
    SortedMap<Integer, TurnResult> batch;
    String id;
    synchronized (lock) {
      flushScheduled = false;
      if (pending.isEmpty()) {
        return;
      }
      batch = pending;
      pending = new TreeMap<>();
      id = runId;
    }
    try {
      runs.appendResults(id, batch);
      synchronized (lock) {
        // A failure that a later try made good leaves nothing missing.
        if (pending.isEmpty()) {
          storageFailure = null;
        }
      }
    } catch (RuntimeException e) {
      synchronized (lock) {
        // Keep them for the next try; newer answers for the same turn win.
        batch.putAll(pending);
        pending = batch;
        if (storageFailure == null) {
          storageFailure = e;
        }
        // Try again even if no answer arrives any more (a slow engine, a busy file).
        scheduleFlush();
      }
    }
  }

  /** The run was made, but not every part of it reached the workspace file. */
  public static final class RunStorageException extends RuntimeException {
    private final transient RegressionRun run;

    RunStorageException(RegressionRun run, RuntimeException cause) {
      super("the run's results could not all be stored: " + cause.getMessage(), cause);
      this.run = run;
    }

    /** The whole run, as it was made. */
    public RegressionRun run() {
      return run;
    }
  }
}
