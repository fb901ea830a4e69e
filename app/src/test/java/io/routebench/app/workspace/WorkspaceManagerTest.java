package io.routebench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.InMemoryPolicyRepository;
import io.routebench.app.testing.InMemoryWorkspaceStore;
import io.routebench.app.testing.ManualUiTimer;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceManagerTest {

  @TempDir Path dir;
  private Path workspaceDir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final InMemoryWorkspaceStore store = new InMemoryWorkspaceStore();
  private final ManualUiTimer timer = new ManualUiTimer();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private SettingsStore settings;
  private WorkspaceManager manager;

  @BeforeEach
  void setUp() {
    workspaceDir = dir.resolve("workspaces");
    settings =
        SettingsStore.load(dir.resolve("settings.json"), "test", scheduler, Duration.ofHours(1));
    var io = new CurrentThreadTaskExecutor();
    manager =
        new WorkspaceManager(
            store, settings, workspaceDir, io, io, timer, Duration.ofMillis(300), errors);
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void a_first_start_creates_the_first_workspace_with_the_coding_sample() {
    manager.openAtStartup(Optional.empty());

    Path first = workspaceDir.resolve("My first workspace.routebench");
    WorkspaceSession session = manager.current().orElseThrow();
    PolicyDocument sample = SamplePolicies.load(SamplePolicies.CODING_ASSISTANT);
    PolicyDocument seeded = session.editor().document();
    assertThat(session.path()).isEqualTo(first);
    // The sample has no ids (each read generates them), so compare what the user sees.
    assertThat(seeded.name()).isEqualTo(sample.name());
    assertThat(seeded.taxonomy().routeNames()).isEqualTo(sample.taxonomy().routeNames());
    assertThat(seeded.targets()).isEqualTo(sample.targets());
    assertThat(store.repository(first).stored()).isEqualTo(seeded);
    assertThat(settings.current().recentWorkspaces()).containsExactly(first);
    assertThat(errors.shown()).isEmpty();
  }

  @Test
  void an_existing_first_workspace_is_opened_not_overwritten() {
    Path first = workspaceDir.resolve("My first workspace.routebench");
    store.put(first, Documents.codingAndWriting());

    manager.openAtStartup(Optional.empty());

    assertThat(manager.current().orElseThrow().editor().document())
        .isEqualTo(Documents.codingAndWriting());
  }

  @Test
  void start_up_reopens_the_most_recent_workspace_that_still_exists() {
    Path older = dir.resolve("older.routebench");
    store.put(older, Documents.codingAndWriting());
    settings.update(
        s -> s.withRecentWorkspace(older).withRecentWorkspace(dir.resolve("gone.routebench")));

    manager.openAtStartup(Optional.empty());

    assertThat(manager.current().orElseThrow().path()).isEqualTo(older);
    assertThat(errors.shown()).isEmpty();
  }

  @Test
  void a_workspace_named_on_the_command_line_wins() {
    Path named = dir.resolve("named.routebench");
    store.put(named, Documents.codingAndWriting());
    settings.update(s -> s.withRecentWorkspace(dir.resolve("other.routebench")));

    manager.openAtStartup(Optional.of(named));

    assertThat(manager.current().orElseThrow().path()).isEqualTo(named);
  }

  @Test
  void a_workspace_that_cannot_be_opened_leaves_the_open_one_and_says_why() {
    Path good = dir.resolve("good.routebench");
    store.put(good, Documents.codingAndWriting());
    manager.open(good);
    Path corrupt = dir.resolve("corrupt.routebench");
    store.put(corrupt, Documents.codingAndWriting());
    store.failOpening(
        corrupt, new WorkspaceAccessException(corrupt + " is corrupted (quick_check: page 3)"));

    manager.open(corrupt);

    assertThat(manager.current().orElseThrow().path()).isEqualTo(good);
    assertThat(errors.shown())
        .singleElement()
        .satisfies(
            shown -> {
              assertThat(shown.title()).isEqualTo("Cannot open workspace");
              assertThat(shown.message()).contains("corrupt.routebench").contains("quick_check");
            });
    assertThat(store.closed()).doesNotContain(good);
  }

  @Test
  void a_plain_refusal_comes_without_a_stack_trace_and_a_storage_failure_with_one() {
    Path held = dir.resolve("held.routebench");
    store.put(held, Documents.codingAndWriting());
    store.failOpening(held, new WorkspaceAccessException(held + " is already open in RouteBench"));
    Path broken = dir.resolve("broken.routebench");
    store.put(broken, Documents.codingAndWriting());
    var storageFailure =
        new WorkspaceAccessException(
            broken + ": disk I/O error", new IllegalStateException("disk I/O error"));
    store.failOpening(broken, storageFailure);

    manager.open(held);
    manager.open(broken);

    assertThat(errors.shown())
        .extracting(RecordingErrorReporter.Shown::detail)
        .containsExactly(null, storageFailure);
  }

  @Test
  void a_deleted_recent_workspace_is_reported_and_forgotten() {
    Path gone = dir.resolve("gone.routebench");
    settings.update(s -> s.withRecentWorkspace(gone));

    manager.open(gone);

    assertThat(manager.current()).isEmpty();
    assertThat(errors.shown())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .contains("gone.routebench")
                    .contains("removed from the recent workspaces"));
    assertThat(settings.current().recentWorkspaces()).isEmpty();
  }

  @Test
  void opening_another_workspace_saves_and_closes_the_previous_one() {
    Path first = dir.resolve("first.routebench");
    InMemoryPolicyRepository firstRepository = store.put(first, Documents.codingAndWriting());
    Path second = dir.resolve("second.routebench");
    store.put(second, PolicyDocument.empty("second"));
    manager.open(first);
    manager.current().orElseThrow().editor().apply("rename", d -> d.withName("edited"));

    manager.open(second);

    assertThat(firstRepository.stored().name()).isEqualTo("edited");
    assertThat(store.closed()).containsExactly(first);
    assertThat(manager.current().orElseThrow().path()).isEqualTo(second);
    assertThat(settings.current().recentWorkspaces()).containsExactly(second, first);
  }

  @Test
  void closing_saves_the_last_edit_before_releasing_the_file() {
    Path file = dir.resolve("w.routebench");
    InMemoryPolicyRepository repository = store.put(file, Documents.codingAndWriting());
    manager.open(file);
    manager.current().orElseThrow().editor().apply("rename", d -> d.withName("last edit"));
    assertThat(repository.saves()).as("the autosave timer has not fired").isEmpty();

    assertThat(manager.close()).isTrue();

    assertThat(repository.stored().name()).isEqualTo("last edit");
    assertThat(manager.current()).isEmpty();
    assertThat(store.closed()).containsExactly(file);
  }

  @Test
  void an_edit_the_workspace_refuses_on_close_is_written_beside_it() throws IOException {
    Path file = dir.resolve("w.routebench");
    InMemoryPolicyRepository repository = store.put(file, Documents.codingAndWriting());
    manager.open(file);
    manager.current().orElseThrow().editor().apply("rename", d -> d.withName("precious"));
    repository.failWith(new IllegalStateException("disk I/O error"));

    assertThat(manager.close()).isTrue();

    Path rescued;
    try (Stream<Path> files = Files.list(dir)) {
      rescued =
          files
              .filter(p -> p.getFileName().toString().endsWith(".policy.yaml"))
              .findFirst()
              .orElseThrow();
    }
    assertThat(rescued.getFileName().toString()).startsWith("w (unsaved ");
    assertThat(PolicyDocumentYaml.read(rescued).name()).isEqualTo("precious");
    assertThat(errors.shown())
        .singleElement()
        .satisfies(
            e -> assertThat(e.message()).contains(rescued.toString()).contains("disk I/O error"));
  }

  @Test
  void a_new_workspace_gets_the_extension_and_an_empty_document_named_after_it() {
    manager.create(dir.resolve("Support bot"));

    WorkspaceSession session = manager.current().orElseThrow();
    assertThat(session.path()).isEqualTo(dir.resolve("Support bot.routebench"));
    assertThat(session.editor().document()).isEqualTo(PolicyDocument.empty("Support bot"));
    assertThat(session.displayName()).isEqualTo("Support bot");
  }

  @Test
  void edits_are_saved_when_the_autosave_timer_fires() {
    Path file = dir.resolve("w.routebench");
    InMemoryPolicyRepository repository = store.put(file, Documents.codingAndWriting());
    manager.open(file);
    WorkspaceSession session = manager.current().orElseThrow();

    session.editor().apply("rename", d -> d.withName("autosaved"));
    timer.fireAll();

    assertThat(repository.stored().name()).isEqualTo("autosaved");
    assertThat(session.autosaver().stateProperty().get()).isEqualTo(SaveState.SAVED);
  }
}
