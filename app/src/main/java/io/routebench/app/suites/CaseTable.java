package io.routebench.app.suites;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The shown suite's cases as the cases table lists them: one row per case with its result in the
 * suite's latest run and the expected routes no policy has, narrowed by the search and the tag
 * filter. Confined to the UI thread.
 */
final class CaseTable {

  private final Predicate<RegressionRun> staleness;
  private final ObservableList<CaseRow> rows = FXCollections.observableArrayList();
  private final FilteredList<CaseRow> visibleRows = new FilteredList<>(rows, row -> true);
  private final ObservableList<String> tags =
      FXCollections.observableArrayList(SuitesViewModel.ALL_TAGS);
  // One read-only view, kept: listeners on a fresh wrapper would be collected with it.
  private final ObservableList<String> tagsView = FXCollections.unmodifiableObservableList(tags);
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ObjectProperty<String> tagFilter =
      new SimpleObjectProperty<>(this, "tagFilter", SuitesViewModel.ALL_TAGS);

  /**
   * @param staleness whether a run was made with policies the router no longer sees
   */
  CaseTable(Predicate<RegressionRun> staleness) {
    this.staleness = Objects.requireNonNull(staleness);
    search.addListener((obs, old, now) -> refilter());
    tagFilter.addListener((obs, old, now) -> refilter());
  }

  ObservableList<CaseRow> visibleRows() {
    return visibleRows;
  }

  ObservableList<String> tags() {
    return tagsView;
  }

  StringProperty searchProperty() {
    return search;
  }

  ObjectProperty<String> tagFilterProperty() {
    return tagFilter;
  }

  /** Expected routes of the shown cases (filtered out or not) that no policy has. */
  Set<String> missingRoutes() {
    var missing = new TreeSet<String>();
    rows.forEach(row -> missing.addAll(row.missingRoutes()));
    return missing;
  }

  /**
   * Lists {@code suite}'s cases; a tag filter whose tag no case has any more falls back to all.
   *
   * @param suite the suite shown, or {@code null} for none
   * @param latestRun the suite's newest run, or {@code null}
   * @param knownRoutes the routes the workspace's policies have
   */
  void show(TestSuite suite, RegressionRun latestRun, Collection<String> knownRoutes) {
    if (suite == null) {
      rows.clear();
      tags.setAll(SuitesViewModel.ALL_TAGS);
      return;
    }
    Set<String> known = new HashSet<>(knownRoutes);
    boolean stale = latestRun != null && staleness.test(latestRun);
    Map<String, int[]> results = passedAndRunByCase(latestRun);
    var next = new ArrayList<CaseRow>();
    var allTags = new TreeSet<String>();
    for (TestCase testCase : suite.cases()) {
      List<String> expected = CaseRow.expectedRoutesOf(testCase);
      var missing = new LinkedHashSet<String>();
      expected.stream().filter(r -> !known.contains(r)).forEach(missing::add);
      int[] counts = results.get(testCase.id());
      String lastResult = counts == null ? "" : counts[1] + "/" + counts[0] + " passed";
      next.add(
          new CaseRow(
              testCase,
              testCase.userTurnIndexes().size(),
              expected,
              lastResult,
              counts != null && counts[1] < counts[0],
              counts != null && stale,
              missing));
      allTags.addAll(testCase.tags());
    }
    rows.setAll(next);
    var tagChoices = new ArrayList<String>();
    tagChoices.add(SuitesViewModel.ALL_TAGS);
    tagChoices.addAll(allTags);
    if (!tags.equals(tagChoices)) {
      String chosen = tagFilter.get();
      tags.setAll(tagChoices);
      tagFilter.set(tagChoices.contains(chosen) ? chosen : SuitesViewModel.ALL_TAGS);
    }
    refilter();
  }

  /** Per case id: how many of its turns the run made, and how many of them passed. */
  private static Map<String, int[]> passedAndRunByCase(RegressionRun run) {
    Map<String, int[]> results = new LinkedHashMap<>();
    if (run != null) {
      for (TurnResult result : run.results()) {
        int[] counts = results.computeIfAbsent(result.caseId(), id -> new int[2]);
        counts[0]++;
        counts[1] += result.passed() ? 1 : 0;
      }
    }
    return results;
  }

  private void refilter() {
    String text = search.get();
    String tag = tagFilter.get();
    visibleRows.setPredicate(
        row ->
            row.matches(text)
                && (tag == null
                    || tag.equals(SuitesViewModel.ALL_TAGS)
                    || row.testCase().tags().contains(tag)));
  }
}
