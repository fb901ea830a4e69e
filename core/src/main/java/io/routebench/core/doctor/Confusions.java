package io.routebench.core.doctor;

import io.routebench.core.run.TurnResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a run's failed turns by what they expected and what they got. */
public final class Confusions {

  private Confusions() {}

  /** The confusions of {@code results}, the largest first (ties in order of first appearance). */
  public static List<Confusion> of(List<TurnResult> results) {
    Map<List<String>, List<TurnResult>> groups = new LinkedHashMap<>();
    for (TurnResult turn : results) {
      if (!turn.passed()) {
        groups
            .computeIfAbsent(List.of(turn.expected(), turn.actual()), key -> new ArrayList<>())
            .add(turn);
      }
    }
    var confusions = new ArrayList<Confusion>();
    groups.forEach((key, turns) -> confusions.add(new Confusion(key.get(0), key.get(1), turns)));
    confusions.sort(Comparator.comparingInt((Confusion c) -> c.turns().size()).reversed());
    return List.copyOf(confusions);
  }
}
