package io.routebench.app.runs;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RouterView;
import io.routebench.core.workspace.PolicyDocument;

/** Whether a run still says what the router would answer for the policies as they are now. */
public final class RunStaleness {

  private RunStaleness() {}

  /**
   * A run is stale when the routes (names, descriptions, order) or the profile it was made with
   * differ from the workspace's now. Runs recorded without their policies cannot be judged and are
   * not called stale.
   */
  public static boolean isStale(RegressionRun run, PolicyDocument now) {
    return run.routerView().map(then -> !then.equals(RouterView.of(now))).orElse(false);
  }
}
