package io.routebench.core.run;

/**
 * How many of a kind of item there were and how many passed.
 *
 * @param total items counted
 * @param passed items that were correct
 */
public record Tally(int total, int passed) {

  public static final Tally NONE = new Tally(0, 0);

  public Tally {
    if (total < 0 || passed < 0 || passed > total) {
      throw new IllegalArgumentException(
          "a tally needs 0 <= passed <= total, got " + passed + " of " + total);
    }
  }

  /** The share that passed, in [0, 1]; {@code 0} when there is nothing to count (never NaN). */
  public double accuracy() {
    return total == 0 ? 0 : (double) passed / total;
  }

  public int failed() {
    return total - passed;
  }
}
