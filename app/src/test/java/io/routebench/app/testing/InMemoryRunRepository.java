package io.routebench.app.testing;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Runs kept in memory, for workspaces of {@link InMemoryWorkspaceStore}. */
public final class InMemoryRunRepository implements RegressionRunRepository {

  private final Map<String, RegressionRun> runs = new LinkedHashMap<>();

  @Override
  public synchronized void save(RegressionRun run) {
    runs.put(run.id(), run);
  }

  @Override
  public synchronized void startRun(RegressionRun header, SortedMap<Integer, TurnResult> results) {
    runs.put(header.id(), header.withResults(List.copyOf(results.values())));
  }

  @Override
  public synchronized void appendResults(String runId, SortedMap<Integer, TurnResult> results) {
    RegressionRun run = runs.get(runId);
    var all = new TreeMap<Integer, TurnResult>();
    for (int i = 0; i < run.results().size(); i++) {
      all.put(i, run.results().get(i));
    }
    all.putAll(results);
    runs.put(runId, run.withResults(List.copyOf(all.values())));
  }

  @Override
  public synchronized void finishRun(
      String runId, RunStatus status, long durationMillis, String failureMessage) {
    runs.put(runId, runs.get(runId).withOutcome(status, durationMillis, failureMessage));
  }

  @Override
  public synchronized List<RunSummary> listRuns(String suiteId) {
    var summaries = new ArrayList<RunSummary>();
    for (RegressionRun run : runs.values()) {
      if (run.suiteId().equals(suiteId)) {
        summaries.add(
            new RunSummary(
                run.id(),
                run.suiteId(),
                run.startedAt(),
                run.status(),
                run.engine().kind(),
                run.engine().model(),
                run.engine().profile().id(),
                run.results().size(),
                (int) run.results().stream().filter(r -> r.passed()).count()));
      }
    }
    summaries.sort(Comparator.comparing(RunSummary::startedAt).reversed());
    return summaries;
  }

  @Override
  public synchronized Optional<RegressionRun> findRun(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public synchronized void deleteRun(String runId) {
    runs.remove(runId);
  }
}
