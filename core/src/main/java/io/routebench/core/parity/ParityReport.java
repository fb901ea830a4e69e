package io.routebench.core.parity;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One suite routed by a running plano and by another router (a local model or a served one), turn
 * by turn: where the two send the request apart. Two turns agree when the request goes the same
 * way: the same policy, both to the default target ({@code other}), or both failing in the proxy.
 *
 * @param plano the run through plano's routing API: production's decisions
 * @param other the run through the other router
 * @param differences the turns both runs answered and routed apart, in suite order
 * @param comparedTurns how many turns both runs answered
 */
public record ParityReport(
    RegressionRun plano, RegressionRun other, List<Difference> differences, int comparedTurns) {

  /**
   * A turn the two routers sent apart, with both answers.
   *
   * @param plano plano's answer to the turn
   * @param other the other router's answer to the turn
   */
  public record Difference(TurnResult plano, TurnResult other) {

    public String caseName() {
      return plano.caseName();
    }

    /** 0-based, among the case's user turns. */
    public int turnIndex() {
      return plano.turnIndex();
    }

    public String expected() {
      return plano.expected();
    }
  }

  public ParityReport {
    Objects.requireNonNull(plano, "plano");
    Objects.requireNonNull(other, "other");
    differences = List.copyOf(differences);
    if (comparedTurns < differences.size()) {
      throw new IllegalArgumentException("more differences than turns compared");
    }
  }

  /** Compares two runs of one suite turn by turn (matched by case and user turn). */
  public static ParityReport compare(RegressionRun plano, RegressionRun other) {
    Map<TurnKey, TurnResult> others = new LinkedHashMap<>();
    for (TurnResult result : other.results()) {
      others.putIfAbsent(TurnKey.of(result), result);
    }
    var differences = new ArrayList<Difference>();
    int compared = 0;
    for (TurnResult planoTurn : plano.results()) {
      TurnResult otherTurn = others.get(TurnKey.of(planoTurn));
      if (otherTurn == null) {
        continue;
      }
      compared++;
      if (!planoTurn.actual().equals(otherTurn.actual())) {
        differences.add(new Difference(planoTurn, otherTurn));
      }
    }
    return new ParityReport(plano, other, differences, compared);
  }

  public int agreeingTurns() {
    return comparedTurns - differences.size();
  }

  /** Share of the compared turns routed alike, in [0, 1]; {@code 0} when none was compared. */
  public double parityRate() {
    return comparedTurns == 0 ? 0 : (double) agreeingTurns() / comparedTurns;
  }

  /** Whether both runs answered every turn, so the rate covers the whole suite. */
  public boolean isComplete() {
    return plano.status() == RunStatus.COMPLETED && other.status() == RunStatus.COMPLETED;
  }

  private record TurnKey(String caseId, int turnIndex) {
    static TurnKey of(TurnResult result) {
      return new TurnKey(result.caseId(), result.turnIndex());
    }
  }
}
