package io.routebench.app.testing;

import io.routebench.app.tasks.UiTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A timer that fires only when the test says so. */
public final class ManualUiTimer implements UiTimer {

  private final List<Entry> pending = new ArrayList<>();

  @Override
  public Scheduled schedule(Duration delay, Runnable action) {
    var entry = new Entry(delay, action);
    pending.add(entry);
    return () -> pending.remove(entry);
  }

  /** Runs every action scheduled so far (actions they schedule wait for the next call). */
  public void fireAll() {
    var due = List.copyOf(pending);
    pending.clear();
    due.forEach(entry -> entry.action().run());
  }

  public int pendingCount() {
    return pending.size();
  }

  public List<Duration> pendingDelays() {
    return pending.stream().map(Entry::delay).toList();
  }

  private record Entry(Duration delay, Runnable action) {}
}
