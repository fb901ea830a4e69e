package io.routebench.core.routing;

import java.util.function.Consumer;

/**
 * Hears how one routing decision ends: exactly one of {@link #decided}, {@link #cancelled} and
 * {@link #failed}, after any number of {@link #previewed} answers. Every call is made on the
 * delivery thread the decision was asked with (the UI thread in the workbench).
 */
public interface DecisionListener {

  /**
   * An early, provisional answer ({@link RouterAnswer#isPreview()}) while the exact one is still
   * being decoded; never after the decision was cancelled, and always followed by one of the other
   * methods.
   */
  default void previewed(RouterAnswer preview) {}

  /** The exact answer: the decision production makes. */
  void decided(RouterAnswer answer);

  /**
   * The decision was cancelled (by whoever asked for it, by a newer request that superseded it, or
   * because the router changed) before its answer was delivered; its work was stopped or skipped.
   */
  void cancelled();

  /** Why the router could not decide. */
  void failed(RuntimeException error);

  static DecisionListener of(
      Consumer<RouterAnswer> decided, Runnable cancelled, Consumer<RuntimeException> failed) {
    return of(preview -> {}, decided, cancelled, failed);
  }

  static DecisionListener of(
      Consumer<RouterAnswer> previewed,
      Consumer<RouterAnswer> decided,
      Runnable cancelled,
      Consumer<RuntimeException> failed) {
    return new DecisionListener() {
      @Override
      public void previewed(RouterAnswer preview) {
        previewed.accept(preview);
      }

      @Override
      public void decided(RouterAnswer answer) {
        decided.accept(answer);
      }

      @Override
      public void cancelled() {
        cancelled.run();
      }

      @Override
      public void failed(RuntimeException error) {
        failed.accept(error);
      }
    };
  }
}
