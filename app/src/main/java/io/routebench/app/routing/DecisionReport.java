package io.routebench.app.routing;

import io.routebench.core.routing.RouterAnswer;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a decision asked of the {@link LocalRouter} reports, on the UI thread: exactly one of
 * {@code decided}, {@code cancelled} and {@code failed} runs, after at most one {@code previewed}.
 *
 * @param previewed an early, provisional answer (constrained decoding) while the exact one is
 *     decoded; only live decisions give one
 * @param decided the router's exact answer
 * @param cancelled superseded by a newer request, cancelled, or the model changed
 * @param failed why the router could not decide
 */
public record DecisionReport(
    Consumer<RouterAnswer> previewed,
    Consumer<RouterAnswer> decided,
    Runnable cancelled,
    Consumer<RuntimeException> failed) {

  /** A report that takes no preview. */
  public DecisionReport(
      Consumer<RouterAnswer> decided, Runnable cancelled, Consumer<RuntimeException> failed) {
    this(preview -> {}, decided, cancelled, failed);
  }

  public DecisionReport {
    Objects.requireNonNull(previewed);
    Objects.requireNonNull(decided);
    Objects.requireNonNull(cancelled);
    Objects.requireNonNull(failed);
  }
}
