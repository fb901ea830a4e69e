package io.routebench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.InMemoryPolicyRepository;
import io.routebench.app.testing.ManualUiTimer;
import io.routebench.app.testing.QueuedTaskExecutor;
import io.routebench.core.workspace.PolicyDocument;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DocumentAutosaverTest {

  private static final Duration INTERVAL = Duration.ofMillis(300);

  private final PolicyDocument loaded = Documents.codingAndWriting();
  private final InMemoryPolicyRepository repository = new InMemoryPolicyRepository(loaded);
  private final ManualUiTimer timer = new ManualUiTimer();

  private DocumentAutosaver autosaver(io.routebench.app.tasks.TaskExecutor executor) {
    return new DocumentAutosaver(repository, loaded, executor, timer, INTERVAL);
  }

  @Test
  void a_burst_of_edits_becomes_one_save_of_the_newest_document() {
    var autosaver = autosaver(new CurrentThreadTaskExecutor());

    autosaver.submit(loaded.withName("a"));
    autosaver.submit(loaded.withName("ab"));
    autosaver.submit(loaded.withName("abc"));

    assertThat(repository.saves()).isEmpty();
    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.PENDING);
    assertThat(timer.pendingDelays()).containsExactly(INTERVAL);

    timer.fireAll();

    assertThat(repository.saves()).extracting(PolicyDocument::name).containsExactly("abc");
    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.SAVED);
  }

  @Test
  void edits_made_while_a_save_is_written_are_saved_right_after_it() {
    var executor = new QueuedTaskExecutor();
    var autosaver = autosaver(executor);
    autosaver.submit(loaded.withName("first"));
    timer.fireAll();
    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.SAVING);

    autosaver.submit(loaded.withName("second"));
    assertThat(timer.pendingCount()).as("no second save while one is in flight").isZero();
    executor.runNext();

    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.PENDING);
    timer.fireAll();
    executor.runNext();
    assertThat(repository.saves())
        .extracting(PolicyDocument::name)
        .containsExactly("first", "second");
    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.SAVED);
  }

  @Test
  void leaving_a_field_saves_without_waiting_for_the_timer() {
    var autosaver = autosaver(new CurrentThreadTaskExecutor());
    autosaver.submit(loaded.withName("typed"));

    autosaver.saveSoon();

    assertThat(repository.stored().name()).isEqualTo("typed");
    assertThat(autosaver.isDurable()).isTrue();
  }

  @Test
  void flush_writes_the_last_edit_even_when_the_timer_has_not_fired() throws Exception {
    var autosaver = autosaver(new QueuedTaskExecutor());
    autosaver.submit(loaded.withName("last words"));

    autosaver.flush(Duration.ofSeconds(1));

    assertThat(repository.stored().name()).isEqualTo("last words");
    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.SAVED);
    assertThat(timer.pendingCount()).isZero();
  }

  @Test
  void flush_waits_for_the_save_in_flight_and_then_writes_the_newer_edit() throws Exception {
    var executor = new QueuedTaskExecutor();
    var autosaver = autosaver(executor);
    autosaver.submit(loaded.withName("in flight"));
    timer.fireAll();
    autosaver.submit(loaded.withName("newer"));

    autosaver.flush(Duration.ofSeconds(1));

    assertThat(repository.saves())
        .extracting(PolicyDocument::name)
        .containsExactly("in flight", "newer");
  }

  @Test
  void a_failed_save_keeps_the_edit_and_retries_with_the_next_one() {
    var autosaver = autosaver(new CurrentThreadTaskExecutor());
    repository.failWith(
        new UncheckedIOException("disk full", new java.io.IOException("disk full")));
    autosaver.submit(loaded.withName("kept"));
    timer.fireAll();

    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.FAILED);
    assertThat(autosaver.failureProperty().get()).contains("disk full");
    assertThat(autosaver.isDurable()).isFalse();

    repository.recover();
    autosaver.submit(loaded.withName("kept and more"));
    timer.fireAll();

    assertThat(repository.stored().name()).isEqualTo("kept and more");
    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.SAVED);
    assertThat(autosaver.failureProperty().get()).isEmpty();
  }

  @Test
  void a_failing_flush_reports_the_failure_and_keeps_the_edit() {
    var autosaver = autosaver(new CurrentThreadTaskExecutor());
    autosaver.submit(loaded.withName("unsaved"));
    repository.failWith(new IllegalStateException("workspace is read-only"));

    assertThatThrownBy(() -> autosaver.flush(Duration.ofSeconds(1)))
        .hasMessageContaining("read-only");
    assertThat(autosaver.latest().name()).isEqualTo("unsaved");
    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.FAILED);
  }

  @Test
  void undoing_back_to_the_saved_document_needs_no_save() {
    var autosaver = autosaver(new CurrentThreadTaskExecutor());
    autosaver.submit(loaded.withName("typo"));

    autosaver.submit(loaded);

    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.SAVED);
    assertThat(timer.pendingCount()).isZero();
    assertThat(repository.saves()).isEmpty();
  }

  @Test
  void submitting_the_document_already_saved_schedules_nothing() {
    var autosaver = autosaver(new CurrentThreadTaskExecutor());

    autosaver.submit(loaded);

    assertThat(timer.pendingCount()).isZero();
    assertThat(autosaver.stateProperty().get()).isEqualTo(SaveState.SAVED);
  }
}
