package io.routebench.core.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a decision came out as it did: the exact prompt the proxy sends, the text the model read
 * after the chat template was applied, and the decision itself (raw output, outcome, timing).
 *
 * @param prompt exactly what the proxy sends as the single user message
 * @param promptSegments which part of {@code prompt} is instructions, routes or conversation (empty
 *     when that cannot be told exactly)
 * @param modelInput the chat-templated text the local model read, prompt included; {@code null}
 *     when a remote server applied its own template out of sight
 * @param routeOrder the route names in the order the prompt lists them
 * @param wrapping the serving engine's wrapping the decision was made under: applied by RouteBench
 *     when {@code modelInput} is there, else the one the user says their server applies; {@code
 *     null} when not known
 */
public record DecisionDetails(
    RouteDecision decision,
    String prompt,
    List<PromptSegment> promptSegments,
    String modelInput,
    List<String> routeOrder,
    RecordedWrapping wrapping) {

  public DecisionDetails {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(prompt, "prompt");
    promptSegments = List.copyOf(promptSegments);
    routeOrder = List.copyOf(routeOrder);
  }

  /** Details whose wrapping is not known. */
  public DecisionDetails(
      RouteDecision decision,
      String prompt,
      List<PromptSegment> promptSegments,
      String modelInput,
      List<String> routeOrder) {
    this(decision, prompt, promptSegments, modelInput, routeOrder, null);
  }

  public Optional<RecordedWrapping> wrappingIfKnown() {
    return Optional.ofNullable(wrapping);
  }

  public Optional<String> modelInputText() {
    return Optional.ofNullable(modelInput);
  }

  /** Where the proxy's prompt starts inside the model input, or -1 without one. */
  public int promptStartInModelInput() {
    return modelInput == null ? -1 : modelInput.indexOf(prompt);
  }

  public String rawOutput() {
    return decision.answer().rawOutput();
  }

  public DecisionOutcome outcome() {
    return decision.outcome();
  }

  public DecisionTiming timing() {
    return decision.answer().timing();
  }
}
