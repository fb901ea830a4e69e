package io.routebench.core.routing;

import java.util.Objects;

/**
 * One request of a {@link RouteSelector#selectAll} batch could not be answered, and the batch
 * stopped there. Carries which request it was, so a caller that knows what the request stands for
 * (a test case's user turn) can say so.
 */
public final class BatchRequestFailedException extends RoutingException {

  private final int requestIndex;
  private final String reason;

  /**
   * @param requestIndex the failed request's position in the batch, from 0
   * @param reason what went wrong, as a {@link RoutingException} would say it
   */
  public BatchRequestFailedException(
      int requestIndex, int requestCount, String reason, Throwable cause) {
    super("request " + (requestIndex + 1) + " of " + requestCount + ": " + reason, cause);
    this.requestIndex = requestIndex;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public int requestIndex() {
    return requestIndex;
  }

  /** The message without the request's position. */
  public String reason() {
    return reason;
  }
}
