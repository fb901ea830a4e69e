package io.routebench.core.routing;

import java.util.Objects;

/**
 * What a router model answered.
 *
 * @param rawOutput the text exactly as generated (for display), including any prefilled part
 * @param routeName the parsed route name: a policy's name, {@code other}, an unknown name, or
 *     {@code ""} when the answer named no route (or could not be parsed)
 * @param profile the prompt profile the question was asked in
 */
public record RouterAnswer(
    String rawOutput, String routeName, PromptProfile profile, DecisionTiming timing) {

  public RouterAnswer {
    Objects.requireNonNull(rawOutput, "rawOutput");
    Objects.requireNonNull(routeName, "routeName");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(timing, "timing");
  }
}
