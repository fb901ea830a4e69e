package io.routebench.inference.remote;

import io.routebench.core.routing.RoutingException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;

/**
 * Words the ways a remote router is not reached or does not answer in time, the same for every
 * remote router but for how it is named and how it is started.
 *
 * @param server the server as a message names it, e.g. {@code http://127.0.0.1:11434} or {@code
 *     plano at http://127.0.0.1:12000}
 * @param host the server's host, for an unknown one
 * @param startHint the question a refused connection asks, e.g. {@code is the server running?}
 */
record ReachFailures(
    String server,
    String host,
    String startHint,
    Duration connectTimeout,
    Duration requestTimeout) {

  /**
   * {@code cause} in words when it is one of those ways: no connection within the connect timeout,
   * no answer within the request timeout, an unknown host or a refused connection; otherwise empty.
   *
   * @param target what was asked, named when it did not answer in time
   */
  Optional<RoutingException> of(URI target, Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return failure(
          "cannot reach "
              + server
              + ": no connection within the connect timeout of "
              + seconds(connectTimeout),
          cause);
    }
    // The client's own timeout (no headers yet) and the whole exchange's read alike: whichever
    // runs out first, the answer did not come within the timeout.
    if (cause instanceof HttpTimeoutException) {
      return failure(
          target + " did not answer within the request timeout of " + seconds(requestTimeout),
          cause);
    }
    if (InFlightBatch.hasCause(cause, UnresolvedAddressException.class)) {
      return failure("cannot reach " + server + " — unknown host " + host, cause);
    }
    if (InFlightBatch.hasCause(cause, ConnectException.class)) {
      return failure("cannot reach " + server + " — " + startHint, cause);
    }
    return Optional.empty();
  }

  private static Optional<RoutingException> failure(String message, Throwable cause) {
    return Optional.of(new RoutingException(message, cause));
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
