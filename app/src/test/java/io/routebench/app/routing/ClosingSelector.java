package io.routebench.app.routing;

import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import java.util.OptionalInt;

/** The real selector, remembering whether it was closed. */
final class ClosingSelector implements RouteSelector {
  private final RouteSelector delegate;
  boolean closed;
  int decisions;

  ClosingSelector(RouteSelector delegate) {
    this.delegate = delegate;
  }

  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return delegate.identity(profile);
  }

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    decisions++;
    return delegate.select(request, cancellation);
  }

  @Override
  public OptionalInt countTokens(String text) {
    return delegate.countTokens(text);
  }

  @Override
  public void close() {
    closed = true;
    delegate.close();
  }
}
