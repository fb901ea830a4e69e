package io.routebench.core.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected route × actual route counts of a run. Labels are every route seen as expected or actual,
 * in order of first appearance, so two renderings of the same run always look the same.
 */
public final class ConfusionMatrix {

  private final List<String> labels;
  private final Map<String, Integer> indexByLabel;
  private final int[][] counts;

  private ConfusionMatrix(List<String> labels, int[][] counts) {
    this.labels = List.copyOf(labels);
    this.indexByLabel = new HashMap<>();
    for (int i = 0; i < this.labels.size(); i++) {
      indexByLabel.put(this.labels.get(i), i);
    }
    this.counts = counts;
  }

  public List<String> labels() {
    return labels;
  }

  /** How many turns expected {@code expected} and were routed to {@code actual}. */
  public int count(String expected, String actual) {
    Integer row = indexByLabel.get(expected);
    Integer column = indexByLabel.get(actual);
    return row == null || column == null ? 0 : counts[row][column];
  }

  public int total() {
    int total = 0;
    for (int[] row : counts) {
      for (int count : row) {
        total += count;
      }
    }
    return total;
  }

  /** The off-diagonal cells that are not empty: most frequent mix-up first, then label order. */
  public List<Cell> confusions() {
    var cells = new ArrayList<Cell>();
    for (int row = 0; row < labels.size(); row++) {
      for (int column = 0; column < labels.size(); column++) {
        if (row != column && counts[row][column] > 0) {
          cells.add(new Cell(labels.get(row), labels.get(column), counts[row][column]));
        }
      }
    }
    // List.sort is stable, so equal counts keep label order.
    cells.sort(Comparator.comparingInt(Cell::count).reversed());
    return List.copyOf(cells);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix matrix
        && labels.equals(matrix.labels)
        && Arrays.deepEquals(counts, matrix.counts);
  }

  @Override
  public int hashCode() {
    return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + labels + Arrays.deepToString(counts);
  }

  /** One non-empty cell. */
  public record Cell(String expected, String actual, int count) {}

  /** Accumulates (expected, actual) pairs; labels are added as they first appear. */
  static final class Builder {
    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> indexByLabel = new HashMap<>();
    private final List<int[]> pairs = new ArrayList<>();

    void add(String expected, String actual) {
      pairs.add(new int[] {indexOf(expected), indexOf(actual)});
    }

    private int indexOf(String label) {
      return indexByLabel.computeIfAbsent(
          label,
          newLabel -> {
            labels.add(newLabel);
            return labels.size() - 1;
          });
    }

    ConfusionMatrix build() {
      int[][] counts = new int[labels.size()][labels.size()];
      for (int[] pair : pairs) {
        counts[pair[0]][pair[1]]++;
      }
      return new ConfusionMatrix(labels, counts);
    }
  }
}
