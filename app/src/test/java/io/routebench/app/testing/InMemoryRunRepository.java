package io.routebench.app.testing;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs kept in memory, for workspaces of {@link InMemoryWorkspaceStore}. */
public final class InMemoryRunRepository implements RegressionRunRepository {

  private final Map<String, RegressionRun> runs = new LinkedHashMap<>();

  @Override
  public synchronized void save(RegressionRun run) {
    runs.put(run.id(), run);
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
