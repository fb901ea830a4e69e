package io.routebench.core.doctor;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import java.util.List;

/**
 * A language model the user named that proposes description rewrites: any OpenAI-compatible chat
 * model, asked with the prompt {@link LlmRewrites#prompt} builds, which the user is shown first.
 */
@FunctionalInterface
public interface RewriteProposer {

  /**
   * The model's whole reply to {@code prompt}.
   *
   * @throws RuntimeException with a message a user can act on when there is no reply
   */
  String complete(List<Message> prompt, CancellationToken cancellation);
}
