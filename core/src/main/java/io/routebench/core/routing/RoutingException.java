package io.routebench.core.routing;

/**
 * A routing engine could not answer, with a message a user can act on (missing model file, prompt
 * longer than the context, HTTP failure, malformed answer, ...).
 */
public class RoutingException extends RuntimeException {

  public RoutingException(String message) {
    super(message);
  }

  public RoutingException(String message, Throwable cause) {
    super(message, cause);
  }
}
