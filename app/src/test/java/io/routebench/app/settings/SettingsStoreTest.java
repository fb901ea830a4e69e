package io.routebench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

  /** Long enough that a scheduled save never fires during a test: flush() is what writes. */
  private static final Duration NEVER = Duration.ofHours(1);

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private SettingsStore load() {
    return SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, NEVER);
  }

  @Test
  void a_first_start_has_default_settings_and_writes_nothing() {
    SettingsStore store = load();

    store.flush();

    assertThat(store.current()).isEqualTo(AppSettings.DEFAULTS);
    assertThat(dir.resolve("settings.json")).doesNotExist();
  }

  @Test
  void settings_survive_a_restart() {
    SettingsStore store = load();
    store.update(
        s ->
            s.withWindow(new WindowBounds(10, 20, 1000, 700, true))
                .withDividerPosition("taxonomy.tree", 0.25)
                .withRecentWorkspace(dir.resolve("a.routebench"))
                .withLastModelPath(dir.resolve("arch-router.gguf"))
                .withLoadedModel(dir.resolve("older.gguf"))
                .withLoadedModel(dir.resolve("arch-router.gguf"))
                .withLastEndpoint(
                    new RouterEndpoint("http://localhost:11434", "arch-router", "OLLAMA_KEY"))
                .withEngineSetting("contextSize", "4096")
                .withDarkTheme(true)
                .withExportFolder(dir.resolve("exports")));
    store.flush();

    AppSettings reloaded = load().current();

    assertThat(reloaded.darkTheme()).isTrue();
    assertThat(reloaded.exportFolder()).isEqualTo(dir.resolve("exports").toAbsolutePath());
    assertThat(reloaded).isEqualTo(store.current());
  }

  @Test
  void changes_are_written_later_not_on_every_update() {
    SettingsStore store = load();

    store.update(s -> s.withDividerPosition("x", 0.5));
    store.update(s -> s.withDividerPosition("x", 0.6));

    assertThat(dir.resolve("settings.json")).doesNotExist();
    store.flush();
    assertThat(load().current().dividerPosition("x")).contains(0.6);
  }

  @Test
  void a_scheduled_save_writes_the_merged_changes() throws Exception {
    var store =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofMillis(1));

    store.update(s -> s.withDividerPosition("a", 0.1));
    store.update(s -> s.withDividerPosition("b", 0.2));
    // Everything submitted before this no-op has run once it completes.
    scheduler.schedule(() -> {}, 50, java.util.concurrent.TimeUnit.MILLISECONDS).get();

    AppSettings written = load().current();
    assertThat(written.dividerPosition("a")).contains(0.1);
    assertThat(written.dividerPosition("b")).contains(0.2);
  }

  @Test
  void the_file_records_its_writer_and_leaves_no_temporary_file() throws IOException {
    SettingsStore store = load();
    store.update(s -> s.withDividerPosition("x", 0.5));
    store.flush();

    String json = Files.readString(dir.resolve("settings.json"));
    assertThat(json).contains("\"writtenBy\" : \"RouteBench 9.9.9\"").contains("\"format\" : 1");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .containsExactly("settings.json");
    }
  }

  @Test
  void keys_written_by_a_newer_version_are_kept() throws IOException {
    write("{\"format\": 2, \"futureFeature\": {\"enabled\": true}, \"dividers\": {\"x\": 0.3}}");
    SettingsStore store = load();

    store.update(s -> s.withDividerPosition("x", 0.4));
    store.flush();

    String json = Files.readString(dir.resolve("settings.json"));
    assertThat(json).contains("futureFeature").contains("\"enabled\" : true");
    assertThat(load().current().dividerPosition("x")).contains(0.4);
  }

  @Test
  void an_unreadable_file_is_kept_aside_and_defaults_are_used() throws IOException {
    write("{ \"window\": ");

    SettingsStore store = load();

    assertThat(store.current()).isEqualTo(AppSettings.DEFAULTS);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .anyMatch(name -> name.startsWith("settings.json.unreadable-"));
    }
  }

  @Test
  void a_wrong_value_loses_only_that_setting() throws IOException {
    write(
        "{\"window\": {\"x\": \"left\", \"y\": 0, \"width\": 800, \"height\": 600, \"maximized\": false},"
            + " \"dividers\": {\"taxonomy.tree\": 0.3, \"broken\": 7},"
            + " \"recentWorkspaces\": [\"/tmp/a.routebench\", 42]}");

    AppSettings settings = load().current();

    assertThat(settings.windowBounds()).isEmpty();
    assertThat(settings.dividerPositions()).containsOnlyKeys("taxonomy.tree");
    assertThat(settings.recentWorkspaces()).containsExactly(Path.of("/tmp/a.routebench"));
  }

  @Test
  void recent_workspaces_are_most_recent_first_without_duplicates_and_at_most_ten() {
    AppSettings settings = AppSettings.DEFAULTS;
    for (int i = 0; i < 12; i++) {
      settings = settings.withRecentWorkspace(dir.resolve("w" + i + ".routebench"));
    }
    settings = settings.withRecentWorkspace(dir.resolve("w5.routebench"));

    assertThat(settings.recentWorkspaces()).hasSize(AppSettings.MAX_RECENT_WORKSPACES);
    assertThat(settings.recentWorkspaces().get(0)).isEqualTo(dir.resolve("w5.routebench"));
    assertThat(settings.recentWorkspaces())
        .doesNotHaveDuplicates()
        .doesNotContain(dir.resolve("w0.routebench"), dir.resolve("w1.routebench"));
    assertThat(IntStream.rangeClosed(3, 11).mapToObj(i -> dir.resolve("w" + i + ".routebench")))
        .allMatch(settings.recentWorkspaces()::contains);
  }

  @Test
  void recent_models_are_those_that_loaded_most_recent_first_at_most_eight() {
    SettingsStore store = load();
    for (int i = 0; i < 10; i++) {
      Path model = dir.resolve("m" + i + ".gguf");
      store.update(s -> s.withLoadedModel(model));
    }
    store.update(s -> s.withLoadedModel(dir.resolve("m5.gguf")));

    assertThat(store.current().recentModels())
        .hasSize(AppSettings.MAX_RECENT_MODELS)
        .startsWith(dir.resolve("m5.gguf"), dir.resolve("m9.gguf"), dir.resolve("m8.gguf"))
        .doesNotHaveDuplicates()
        .doesNotContain(dir.resolve("m0.gguf"), dir.resolve("m1.gguf"));
    assertThat(store.current().lastModelPath()).isEqualTo(dir.resolve("m5.gguf"));
  }

  @Test
  void a_settings_file_from_before_recent_models_offers_its_last_model() throws IOException {
    Path model = dir.resolve("arch-router.gguf");
    Files.writeString(
        dir.resolve("settings.json"),
        "{\"format\": 1, \"lastModelPath\": " + quoted(model) + ", \"firstRunDismissed\": true}");

    AppSettings read = load().current();

    assertThat(read.recentModels()).containsExactly(model);
    assertThat(read.lastEndpoint()).isNull();
    assertThat(read.firstRunDismissed()).isTrue();
  }

  @Test
  void a_remembered_endpoint_holds_no_key_only_the_variable_name() throws IOException {
    SettingsStore store = load();
    store.update(
        s -> s.withLastEndpoint(new RouterEndpoint("http://127.0.0.1:8000", "router", "MY_KEY")));
    store.flush();

    String json = Files.readString(dir.resolve("settings.json"));

    assertThat(json)
        .contains("\"apiKeyEnv\" : \"MY_KEY\"")
        .contains("\"baseUrl\" : \"http://127.0.0.1:8000\"");
    assertThat(load().current().lastEndpoint())
        .isEqualTo(new RouterEndpoint("http://127.0.0.1:8000", "router", "MY_KEY"));
  }

  @Test
  void a_remembered_endpoint_keeps_its_requests_in_flight_and_older_files_get_the_default()
      throws IOException {
    SettingsStore store = load();
    store.update(
        s -> s.withLastEndpoint(new RouterEndpoint("http://127.0.0.1:8000", "router", "", 16)));
    store.flush();
    assertThat(load().current().lastEndpoint().parallelRequests()).isEqualTo(16);

    Files.writeString(
        dir.resolve("settings.json"),
        "{\"format\": 1, \"lastEndpoint\": {\"baseUrl\": \"http://h:1\", \"model\": \"m\"}}");

    assertThat(load().current().lastEndpoint().parallelRequests())
        .isEqualTo(OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS);
  }

  private static String quoted(Path path) {
    return "\"" + path.toString().replace("\\", "\\\\") + "\"";
  }

  @Test
  void a_dismissed_first_run_panel_stays_dismissed_after_a_restart() throws IOException {
    SettingsStore store = load();
    assertThat(store.current().firstRunDismissed()).isFalse();
    store.update(s -> s.withFirstRunDismissed(true));
    store.flush();

    assertThat(load().current().firstRunDismissed()).isTrue();
    assertThat(Files.readString(dir.resolve("settings.json")))
        .contains("\"firstRunDismissed\" : true");
  }

  @Test
  void a_first_run_flag_of_the_wrong_type_is_reset_and_named() throws IOException {
    write("{\"firstRunDismissed\": \"yes\"}");

    assertThat(load().current().firstRunDismissed()).isFalse();
  }

  private void write(String json) throws IOException {
    Files.writeString(dir.resolve("settings.json"), json, StandardCharsets.UTF_8);
  }
}
