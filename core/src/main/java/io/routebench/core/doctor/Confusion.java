package io.routebench.core.doctor;

import io.routebench.core.routing.RouteNames;
import io.routebench.core.run.TurnResult;
import java.util.List;
import java.util.Objects;

/**
 * The failed turns of a run that expected one route and got another, as the confusion heat map
 * shows them: the unit the doctor proposes edits for.
 *
 * @param expected the route the turns should have gone to ({@code other} included)
 * @param answered where they went: a policy's route, {@code other}, or {@link
 *     RouteNames#PROXY_ERROR}
 * @param turns the failed turns, in run order
 */
public record Confusion(String expected, String answered, List<TurnResult> turns) {

  public Confusion {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(answered, "answered");
    turns = List.copyOf(turns);
  }

  /** e.g. {@code debugging → code generation (3 turns)}. */
  public String label() {
    return expected
        + " → "
        + answered
        + " ("
        + turns.size()
        + (turns.size() == 1 ? " turn)" : " turns)");
  }

  /** Whether the router declined the turns (they went to the default model). */
  public boolean answeredOther() {
    return answered.equals(RouteNames.OTHER);
  }

  /** Whether the turns should have been declined. */
  public boolean expectedOther() {
    return expected.equals(RouteNames.OTHER);
  }

  /**
   * Whether the proxy could not read the router's answers: wording, not descriptions, is at fault.
   */
  public boolean proxyErrors() {
    return answered.equals(RouteNames.PROXY_ERROR);
  }
}
