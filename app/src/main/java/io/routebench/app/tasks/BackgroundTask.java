package io.routebench.app.tasks;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A unit of background work with the callbacks that receive its outcome. Callbacks run on the UI
 * thread ({@link FxTaskExecutor}) or on the caller's thread ({@link CurrentThreadTaskExecutor}), so
 * they may touch view-model properties directly.
 *
 * <p>A task without a failure callback hands its failure to the executor's handler for unhandled
 * failures: no exception is ever swallowed.
 */
public final class BackgroundTask<T> {

  private final String title;
  private final BackgroundWork<T> work;
  private Consumer<? super T> onSuccess = value -> {};
  private Consumer<? super Throwable> onFailure;
  private Runnable onCancelled = () -> {};
  private Consumer<Double> onProgress = fraction -> {};
  private Consumer<String> onMessage = message -> {};

  private BackgroundTask(String title, BackgroundWork<T> work) {
    this.title = Objects.requireNonNull(title, "title");
    this.work = Objects.requireNonNull(work, "work");
  }

  /**
   * @param title what the work does, for logs and progress displays ("Opening workspace")
   */
  public static <T> BackgroundTask<T> of(String title, BackgroundWork<T> work) {
    return new BackgroundTask<>(title, work);
  }

  /** A task that produces no value. */
  public static BackgroundTask<Void> ofAction(String title, Action action) {
    return new BackgroundTask<>(
        title,
        progress -> {
          action.run();
          return null;
        });
  }

  public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
    this.onSuccess = Objects.requireNonNull(callback);
    return this;
  }

  public BackgroundTask<T> onFailure(Consumer<? super Throwable> callback) {
    this.onFailure = Objects.requireNonNull(callback);
    return this;
  }

  public BackgroundTask<T> onCancelled(Runnable callback) {
    this.onCancelled = Objects.requireNonNull(callback);
    return this;
  }

  /** Receives the completed fraction (0..1) whenever the work reports progress. */
  public BackgroundTask<T> onProgress(Consumer<Double> callback) {
    this.onProgress = Objects.requireNonNull(callback);
    return this;
  }

  /** Receives each line the work reports about its current step ({@link ProgressReporter}). */
  public BackgroundTask<T> onMessage(Consumer<String> callback) {
    this.onMessage = Objects.requireNonNull(callback);
    return this;
  }

  public String title() {
    return title;
  }

  BackgroundWork<T> work() {
    return work;
  }

  void succeeded(T value) {
    onSuccess.accept(value);
  }

  /** The failure callback, if the task has one. */
  Optional<Consumer<? super Throwable>> failureCallback() {
    return Optional.ofNullable(onFailure);
  }

  void cancelled() {
    onCancelled.run();
  }

  void progressed(double fraction) {
    onProgress.accept(fraction);
  }

  void messaged(String message) {
    onMessage.accept(message);
  }

  /** Work without a result that may throw. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }
}
