package io.routebench.app.routing;

import io.routebench.core.routing.RouterAnswer;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a decision asked of the {@link LocalRouter} reports, on the UI thread: exactly one of the
 * three callbacks runs.
 *
 * @param decided the router's answer
 * @param cancelled superseded by a newer request, cancelled, or the model changed
 * @param failed why the router could not decide
 */
public record DecisionReport(
    Consumer<RouterAnswer> decided, Runnable cancelled, Consumer<RuntimeException> failed) {

  public DecisionReport {
    Objects.requireNonNull(decided);
    Objects.requireNonNull(cancelled);
    Objects.requireNonNull(failed);
  }
}
