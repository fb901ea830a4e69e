package io.routebench.app.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.download.GetArchRouterViewModel.State;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.inference.download.HubSettings;
import io.routebench.inference.download.HuggingFaceHub;
import io.routebench.inference.download.LoopbackHub;
import io.routebench.inference.gguf.TinyGgufModels;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Get Arch-Router dialog's logic against a loopback hub, run on the test thread. */
class GetArchRouterViewModelTest {

  private static final String FILE = "Arch-Router-1.5B-Q4_K_M.gguf";

  @TempDir Path fixtures;
  @TempDir Path models;

  private LoopbackHub hub;
  private byte[] model;
  private final List<Path> loaded = new ArrayList<>();

  @BeforeEach
  void startHub() throws Exception {
    model = Files.readAllBytes(TinyGgufModels.tinyQwen(fixtures));
    hub = new LoopbackHub().serving(FILE, model, "\"v1\"").inChunksOf(4096);
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private GetArchRouterViewModel viewModel(URI baseUrl) {
    var settings =
        new HubSettings(
            baseUrl,
            Optional.empty(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            1,
            Duration.ZERO);
    return new GetArchRouterViewModel(
        new ArchRouterDownloads(new HuggingFaceHub(settings, ProxySelector.of(null))),
        new CurrentThreadTaskExecutor(),
        models,
        loaded::add);
  }

  @Test
  void the_catalogue_offers_every_quant_with_the_default_preselected_and_the_card_licence() {
    var viewModel = viewModel(hub.baseUrl());

    viewModel.loadCatalogue();

    assertThat(viewModel.state()).isEqualTo(State.CHOOSING);
    assertThat(viewModel.files())
        .extracting(f -> f.name())
        .contains(FILE, "Arch-Router-1.5B-Q8_0.gguf");
    assertThat(viewModel.selectedProperty().get().name()).isEqualTo(FILE);
    assertThat(viewModel.licenceProperty().get()).isEqualTo("katanemo-research");
  }

  @Test
  void nothing_downloads_before_the_licence_is_accepted() {
    var viewModel = viewModel(hub.baseUrl());
    viewModel.loadCatalogue();

    assertThat(viewModel.canDownload().get()).isFalse();
    viewModel.download();

    assertThat(viewModel.state()).isEqualTo(State.CHOOSING);
    assertThat(hub.cdnRequests()).isEmpty();
  }

  @Test
  void a_verified_download_is_offered_for_loading_into_the_playtest() throws Exception {
    var viewModel = viewModel(hub.baseUrl());
    viewModel.loadCatalogue();
    viewModel.licenceAcceptedProperty().set(true);

    viewModel.download();

    assertThat(viewModel.state()).isEqualTo(State.VERIFIED);
    assertThat(viewModel.verifiedFileProperty().get()).isEqualTo(models.resolve(FILE));
    assertThat(Files.readAllBytes(models.resolve(FILE))).isEqualTo(model);
    assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
    assertThat(viewModel.progressTextProperty().get())
        .startsWith("Verified: ")
        .contains(hub.sha256().substring(0, 12));
    assertThat(loaded).isEmpty();

    viewModel.loadVerified();

    assertThat(loaded).containsExactly(models.resolve(FILE));
  }

  @Test
  void a_cancelled_download_offers_to_resume_and_resuming_completes_it() throws Exception {
    var viewModel = viewModel(hub.baseUrl());
    viewModel.loadCatalogue();
    viewModel.licenceAcceptedProperty().set(true);
    // Cancel as soon as the first bytes show, as a user clicking Cancel would.
    viewModel
        .progressTextProperty()
        .addListener(
            (obs, old, now) -> {
              if (now.contains(" of ")) {
                viewModel.cancel();
              }
            });

    viewModel.download();

    assertThat(viewModel.state()).isEqualTo(State.CANCELLED);
    assertThat(viewModel.messageProperty().get()).contains("Resume continues from there");
    assertThat(viewModel.downloadLabelProperty().get()).matches("Resume \\(.+ downloaded\\)");
    assertThat(models.resolve(FILE)).doesNotExist();

    var again = viewModel(hub.baseUrl());
    again.loadCatalogue();
    assertThat(again.downloadLabelProperty().get()).startsWith("Resume (");
    again.licenceAcceptedProperty().set(true);
    again.download();

    assertThat(again.state()).isEqualTo(State.VERIFIED);
    assertThat(again.downloadLabelProperty().get()).isEqualTo("Download");
    assertThat(Files.readAllBytes(models.resolve(FILE))).isEqualTo(model);
    assertThat(hub.cdnRequests().getLast().header("Range")).isNotNull();
  }

  @Test
  void a_damaged_download_fails_saying_so_and_nothing_can_be_loaded() {
    hub.corruptingByte(1000);
    var viewModel = viewModel(hub.baseUrl());
    viewModel.loadCatalogue();
    viewModel.licenceAcceptedProperty().set(true);

    viewModel.download();

    assertThat(viewModel.state()).isEqualTo(State.FAILED);
    assertThat(viewModel.messageProperty().get()).contains("is damaged");
    assertThat(viewModel.verifiedFileProperty().get()).isNull();
    viewModel.loadVerified();
    assertThat(loaded).isEmpty();
  }

  @Test
  void a_hub_without_the_model_api_still_offers_the_default_file_by_name_verified()
      throws Exception {
    hub.withoutModelApi();
    var viewModel = viewModel(hub.baseUrl());

    viewModel.loadCatalogue();

    assertThat(viewModel.state()).isEqualTo(State.CHOOSING);
    assertThat(viewModel.files()).extracting(f -> f.name()).containsExactly(FILE);
    assertThat(viewModel.messageProperty().get())
        .contains("Cannot read the file list")
        .contains("HTTP 404")
        .contains("can still be downloaded by name");

    viewModel.licenceAcceptedProperty().set(true);
    viewModel.download();

    assertThat(viewModel.state()).isEqualTo(State.VERIFIED);
    assertThat(Files.readAllBytes(models.resolve(FILE))).isEqualTo(model);
  }

  @Test
  void offline_the_listing_fails_naming_the_alternatives() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var viewModel = viewModel(URI.create("http://127.0.0.1:" + closedPort));

    viewModel.loadCatalogue();

    assertThat(viewModel.state()).isEqualTo(State.FAILED);
    assertThat(viewModel.messageProperty().get())
        .contains("Cannot reach 127.0.0.1:" + closedPort)
        .contains("open a GGUF file you already have")
        .contains("remote router");
  }
}
