package io.routebench.app.decision;

import io.routebench.app.testing.Documents;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RecordedWrapping;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.prompt.RouterPrompt;
import io.routebench.inference.prompt.RouterPromptBuilder;
import java.util.List;

/** A decision's details as a local engine gives them, built from the real prompt builder. */
final class SampleDetails {

  static final String CHAT_HEAD =
      "<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\n";
  static final String CHAT_TAIL = "<|im_end|>\n<|im_start|>assistant\n";

  private SampleDetails() {}

  /** The router answered {@code answeredRoute} for "write a parser in rust". */
  static DecisionDetails answered(String answeredRoute, boolean localModel) {
    return answered(answeredRoute, localModel, null);
  }

  /** As {@link #answered(String, boolean)}, made under {@code wrapping}. */
  static DecisionDetails answered(
      String answeredRoute, boolean localModel, RecordedWrapping wrapping) {
    return read(
        "{\"route\": \"" + answeredRoute + "\"}",
        AnswerReading.route(answeredRoute),
        localModel,
        wrapping);
  }

  /** An answer {@code raw} that the proxy reads as {@code reading}, from a remote router. */
  static DecisionDetails read(String raw, AnswerReading reading) {
    return read(raw, reading, false, null);
  }

  private static DecisionDetails read(
      String raw, AnswerReading reading, boolean localModel, RecordedWrapping wrapping) {
    PolicyDocument document = Documents.codingAndWriting();
    var request =
        new RouteRequest(
            RouteOption.allOf(document),
            List.of(Message.user("write a parser in rust")),
            PromptProfile.ARCHGW_V1);
    RouterPrompt prompt = RouterPromptBuilder.build(request);
    var answer =
        new RouterAnswer(
            raw,
            reading,
            PromptProfile.ARCHGW_V1,
            new DecisionTiming(520, 368, 152, 1, 2900, 45, 2950),
            AnswerExactness.EXACT);
    return new DecisionDetails(
        RouteResolver.resolve(answer, document),
        prompt.text(),
        prompt.segments(),
        localModel ? CHAT_HEAD + prompt.text() + CHAT_TAIL : null,
        request.routes().stream().map(RouteOption::name).toList(),
        wrapping);
  }
}
