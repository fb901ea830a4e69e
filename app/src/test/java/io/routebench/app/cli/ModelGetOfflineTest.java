package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.Main;
import io.routebench.app.testing.JavaProcesses;
import io.routebench.inference.download.HubSettings;
import io.routebench.inference.download.LoopbackHub;
import io.routebench.inference.download.ModelDownloader;
import io.routebench.inference.gguf.TinyGgufModels;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model get} on a laptop without network and behind a mirror: a model verified once is used
 * without contacting the hub, and the variables {@code huggingface_hub} users set (HF_ENDPOINT,
 * HF_HUB_OFFLINE, HF_TOKEN) are honoured. Environment variables need a second JVM, started as the
 * installed command would be.
 */
class ModelGetOfflineTest {

  private static final String FILE = "Arch-Router-1.5B-Q4_K_M.gguf";

  @TempDir Path fixtures;
  @TempDir Path models;
  @TempDir Path home;

  private LoopbackHub hub;

  @BeforeEach
  void startHub() throws Exception {
    byte[] model = Files.readAllBytes(TinyGgufModels.tinyQwen(fixtures));
    hub = new LoopbackHub().serving(FILE, model, "\"v1\"");
  }

  @AfterEach
  void stopHub() {
    System.clearProperty(HubSettings.BASE_URL_PROPERTY);
    hub.close();
  }

  private void downloadOnce() {
    System.setProperty(HubSettings.BASE_URL_PROPERTY, hub.baseUrl().toString());
    CliRun run = CliRun.of("model", "get", "--dir", models.toString(), "--yes");
    System.clearProperty(HubSettings.BASE_URL_PROPERTY);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void a_verified_download_records_its_sha256_beside_it() throws Exception {
    downloadOnce();

    assertThat(Files.readString(ModelDownloader.verifiedRecord(models.resolve(FILE))))
        .isEqualTo(hub.sha256() + "  " + FILE + "\n");
  }

  @Test
  void with_hf_hub_offline_a_cached_verified_model_is_used_and_the_hub_never_asked()
      throws Exception {
    downloadOnce();
    int requestsBefore = hub.received().size();

    Result offline =
        routebench(
            Map.of("HF_HUB_OFFLINE", "1", "HF_ENDPOINT", hub.baseUrl().toString()),
            "model",
            "get",
            "--dir",
            models.toString());

    assertThat(offline.exitCode()).as(offline.err()).isZero();
    assertThat(offline.out()).isEqualTo(models.resolve(FILE) + "\n");
    assertThat(offline.err()).contains("the hub was not asked");
    assertThat(hub.received()).hasSize(requestsBefore);
  }

  @Test
  void with_the_hub_down_a_cached_verified_model_is_still_used() throws Exception {
    downloadOnce();
    System.setProperty(HubSettings.BASE_URL_PROPERTY, "http://127.0.0.1:" + closedPort());

    CliRun run = CliRun.of("model", "get", "--dir", models.toString(), "--yes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(models.resolve(FILE) + "\n");
  }

  @Test
  void a_cached_model_whose_bytes_changed_is_not_used() throws Exception {
    downloadOnce();
    byte[] bytes = Files.readAllBytes(models.resolve(FILE));
    bytes[bytes.length - 1] ^= 1;
    Files.write(models.resolve(FILE), bytes);

    Result offline =
        routebench(Map.of("HF_HUB_OFFLINE", "1"), "model", "get", "--dir", models.toString());

    assertThat(offline.exitCode()).isEqualTo(3);
    assertThat(offline.err()).contains("HF_HUB_OFFLINE is set").contains(models.toString());
  }

  @Test
  void offline_without_a_cached_model_could_not_run_and_says_what_to_do() throws Exception {
    Result offline =
        routebench(
            Map.of("HF_HUB_OFFLINE", "1"), "model", "get", "--dir", models.toString(), "--yes");

    assertThat(offline.exitCode()).isEqualTo(3);
    assertThat(offline.err())
        .contains("HF_HUB_OFFLINE is set")
        .contains("unset HF_HUB_OFFLINE")
        .contains("--model FILE.gguf");
    assertThat(hub.received()).isEmpty();
  }

  @Test
  void hf_endpoint_names_the_mirror_to_download_from() throws Exception {
    Result run =
        routebench(
            Map.of("HF_ENDPOINT", hub.baseUrl().toString()),
            "model",
            "get",
            "--dir",
            models.toString(),
            "--yes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(hub.received()).isNotEmpty();
    assertThat(models.resolve(FILE)).exists();
  }

  @Test
  void hub_settings_read_the_huggingface_hub_variables() {
    HubSettings settings =
        HubSettings.from(
            name -> null,
            Map.of(
                    "HF_ENDPOINT", "https://mirror.example/",
                    "HF_TOKEN", "hf_abc",
                    "HF_HUB_OFFLINE", "true")
                ::get);
    HubSettings property =
        HubSettings.from(
            Map.of(HubSettings.BASE_URL_PROPERTY, "http://127.0.0.1:1")::get,
            Map.of("HF_ENDPOINT", "https://mirror.example")::get);

    assertThat(settings.baseUrl()).isEqualTo(URI.create("https://mirror.example"));
    assertThat(settings.token()).contains("hf_abc");
    assertThat(settings.offline()).isTrue();
    assertThat(property.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
    assertThat(property.offline()).isFalse();
    assertThat(HubSettings.from(name -> null, Map.of("HF_HUB_OFFLINE", "0")::get).offline())
        .isFalse();
  }

  private record Result(int exitCode, String out, String err) {}

  /** The command in a JVM of its own, with only the given RouteBench-relevant variables. */
  private Result routebench(Map<String, String> environment, String... args) throws Exception {
    ProcessBuilder builder =
        JavaProcesses.builder(List.of("-Droutebench.home=" + home), Main.class, args);
    builder.environment().keySet().removeIf(name -> name.startsWith("HF_"));
    builder.environment().putAll(environment);
    builder.redirectOutput(home.resolve("out.txt").toFile());
    builder.redirectError(home.resolve("err.txt").toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    int code = process.waitFor();
    return new Result(
        code,
        Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private static int closedPort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
