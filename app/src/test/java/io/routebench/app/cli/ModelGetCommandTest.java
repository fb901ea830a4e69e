package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.inference.download.HubSettings;
import io.routebench.inference.download.LoopbackHub;
import io.routebench.inference.gguf.TinyGgufModels;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code routebench model get} against a loopback hub (the base URL is a system property). */
class ModelGetCommandTest {

  private static final String FILE = "Arch-Router-1.5B-Q4_K_M.gguf";

  @TempDir Path fixtures;
  @TempDir Path models;

  private LoopbackHub hub;
  private byte[] model;

  @BeforeEach
  void startHub() throws Exception {
    model = Files.readAllBytes(TinyGgufModels.tinyQwen(fixtures));
    hub = new LoopbackHub().serving(FILE, model, "\"v1\"");
    System.setProperty(HubSettings.BASE_URL_PROPERTY, hub.baseUrl().toString());
  }

  @AfterEach
  void stopHub() {
    System.clearProperty(HubSettings.BASE_URL_PROPERTY);
    hub.close();
  }

  @Test
  void get_downloads_the_default_quant_verified_and_prints_its_path() throws Exception {
    CliRun run = CliRun.of("model", "get", "--dir", models.toString(), "--yes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(models.resolve(FILE) + "\n");
    assertThat(Files.readAllBytes(models.resolve(FILE))).isEqualTo(model);
    assertThat(run.err())
        .contains("katanemo-research")
        .contains("https://huggingface.co/katanemo/Arch-Router-1.5B.gguf")
        .contains("Downloading " + FILE)
        .contains("Verified: ")
        .contains("SHA-256 as published");

    // The downloaded model is what `model FILE` describes.
    CliRun described = CliRun.of("model", models.resolve(FILE).toString());
    assertThat(described.exitCode()).isZero();
    assertThat(described.out()).contains("architecture   qwen2");
  }

  @Test
  void list_shows_each_published_quant_with_its_size() {
    CliRun run = CliRun.of("model", "get", "--list");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Q4_K_M")
        .contains(FILE + "  (default)")
        .contains("Q8_0")
        .contains("1.65 GB  Arch-Router-1.5B-Q8_0.gguf");
  }

  @Test
  void an_unpublished_quant_is_a_usage_error_naming_the_published_ones() {
    CliRun run = CliRun.of("model", "get", "--quant", "Q2_K", "--dir", models.toString(), "--yes");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("No quantisation Q2_K").contains("published: Q4_K_M, Q8_0");
  }

  @Test
  void without_yes_and_without_a_terminal_nothing_is_downloaded() {
    CliRun run = CliRun.of("model", "get", "--dir", models.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("pass --yes to accept the licence");
    assertThat(models.resolve(FILE)).doesNotExist();
  }

  @Test
  void a_damaged_download_could_not_run_and_leaves_no_file() {
    hub.corruptingByte(100);

    CliRun run = CliRun.of("model", "get", "--dir", models.toString(), "--yes");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("is damaged: its SHA-256 is");
    assertThat(models.resolve(FILE)).doesNotExist();
  }

  @Test
  void an_unreachable_hub_could_not_run_and_names_the_alternatives() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    System.setProperty(HubSettings.BASE_URL_PROPERTY, "http://127.0.0.1:" + closedPort);

    CliRun run = CliRun.of("model", "get", "--dir", models.toString(), "--yes");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("Cannot reach 127.0.0.1:" + closedPort)
        .contains("HTTPS_PROXY")
        .contains("HF_ENDPOINT")
        .doesNotContain("-D")
        .contains("--model FILE.gguf")
        .contains("--endpoint URL");
  }

  @Test
  void model_without_a_file_or_subcommand_is_a_usage_error() {
    CliRun run = CliRun.of("model");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing FILE.gguf");
  }
}
