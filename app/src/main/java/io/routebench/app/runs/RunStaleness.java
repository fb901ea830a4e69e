package io.routebench.app.runs;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RouterView;
import io.routebench.core.workspace.PolicyDocument;

/** Whether a run still says what the router would answer for the policies as they are now. */
public final class RunStaleness {

  private RunStaleness() {}

  /**
   * A run is stale when the routes (names, descriptions, order) or the profile it was made with
   * differ from the workspace's now, or when it was made under another serving engine's wrapping
   * (the model read another text). What a run did not record (its policies, or the wrapping of a
   * server run from before RouteBench recorded it) cannot be judged and makes no run stale.
   */
  public static boolean isStale(RegressionRun run, PolicyDocument now) {
    return run.routerView().map(then -> !then.equals(RouterView.of(now))).orElse(false)
        || otherWrapping(run, now);
  }

  /** Whether {@code run} was made under a wrapping other than the one {@code now} describes. */
  public static boolean otherWrapping(RegressionRun run, PolicyDocument now) {
    return run.engine()
        .wrapping()
        .map(then -> !then.equals(now.promptWrapping().recorded()))
        .orElse(false);
  }
}
