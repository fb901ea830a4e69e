package io.routebench.inference.serving;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.inference.prompt.RouterPromptBuilder;
import java.util.List;

/**
 * The message "Check against my server" asks the server to render: a real router prompt (the
 * workspace's routes, one user turn), so that the check covers the text production sends, its
 * leading newline and JSON included, and how the server's tokenizer splits it.
 */
public final class ServerCheckProbe {

  /** The user turn of the probe conversation. */
  static final String QUESTION = "Can you help me fix this failing unit test?";

  private static final List<RouteOption> SAMPLE_ROUTES =
      List.of(
          new RouteOption("code generation", "Generating new code from a description."),
          new RouteOption("bug fixing", "Finding and fixing the cause of an error."));

  private ServerCheckProbe() {}

  /**
   * The router prompt for one user turn over {@code routes} (sample routes when there are none).
   */
  public static String userMessage(List<RouteOption> routes, PromptProfile profile) {
    return RouterPromptBuilder.build(
            new RouteRequest(
                routes.isEmpty() ? SAMPLE_ROUTES : routes,
                List.of(Message.user(QUESTION)),
                profile))
        .text();
  }
}
