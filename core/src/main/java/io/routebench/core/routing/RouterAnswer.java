package io.routebench.core.routing;

import java.util.Objects;

/**
 * What a router model answered, and how the proxy reads it.
 *
 * @param rawOutput the model's text exactly as generated: for an {@link AnswerExactness#EXACT}
 *     answer its whole free output; for a {@link AnswerExactness#PREVIEW} the constrained answer
 *     (its prefill included)
 * @param reading the route the proxy of {@code profile} takes from {@code rawOutput}, or why it
 *     cannot read it
 * @param profile the prompt profile the question was asked in
 * @param exactness whether this is the production decision or a preview of it
 */
public record RouterAnswer(
    String rawOutput,
    AnswerReading reading,
    PromptProfile profile,
    DecisionTiming timing,
    AnswerExactness exactness) {

  public RouterAnswer {
    Objects.requireNonNull(rawOutput, "rawOutput");
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(exactness, "exactness");
  }

  /**
   * The parsed route name: a policy's name, {@code other}, an unknown name, or {@code ""} when the
   * answer named no route or cannot be read (see {@link #failsInProxy()}).
   */
  public String routeName() {
    return reading.routeName();
  }

  /** Whether the proxy fails the user's request (HTTP 500) on this answer. */
  public boolean failsInProxy() {
    return reading.failsInProxy();
  }

  public boolean isPreview() {
    return exactness == AnswerExactness.PREVIEW;
  }
}
