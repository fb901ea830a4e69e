package io.routebench.core.run;

/**
 * How well one route (or {@code other}) was recognised over a run. Scores are {@code 0} rather than
 * NaN when their denominator is empty.
 *
 * @param support turns that expected this route
 * @param predicted turns whose effective route was this route
 * @param truePositives turns that expected this route and got it
 */
public record RouteScore(int support, int predicted, int truePositives) {

  public RouteScore {
    if (truePositives < 0 || truePositives > support || truePositives > predicted) {
      throw new IllegalArgumentException(
          "true positives ("
              + truePositives
              + ") must be within support ("
              + support
              + ") and predicted ("
              + predicted
              + ")");
    }
  }

  /** Of the turns routed here, the share that belonged here. */
  public double precision() {
    return predicted == 0 ? 0 : (double) truePositives / predicted;
  }

  /** Of the turns that belonged here, the share routed here. */
  public double recall() {
    return support == 0 ? 0 : (double) truePositives / support;
  }

  /** Harmonic mean of precision and recall. */
  public double f1() {
    double precision = precision();
    double recall = recall();
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
