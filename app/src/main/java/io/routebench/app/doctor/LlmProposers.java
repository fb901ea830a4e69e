package io.routebench.app.doctor;

import io.routebench.app.playtest.TargetReplies;
import io.routebench.core.doctor.RewriteProposer;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.inference.remote.StreamingChatClient;

/** The doctor's LLM proposer for a workspace target: asked as Ask <target> asks it. */
public final class LlmProposers {

  private LlmProposers() {}

  /**
   * @throws IllegalArgumentException when the target cannot be asked (no base URL, no model id)
   */
  public static RewriteProposer of(StreamingChatClient client, ModelTarget target) {
    String why = TargetReplies.whyNotAskable(target);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    var endpoint = TargetReplies.endpointOf(target);
    return (prompt, cancellation) -> client.reply(endpoint, prompt, text -> {}, cancellation);
  }
}
