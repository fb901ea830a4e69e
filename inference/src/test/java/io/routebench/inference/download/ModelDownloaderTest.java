package io.routebench.inference.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.inference.download.DownloadFailure.Reason;
import io.routebench.inference.gguf.GgufMetadataReader;
import io.routebench.inference.gguf.TinyGgufModels;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from a loopback hub: redirects, resume, verification, and every way a download fails.
 */
class ModelDownloaderTest {

  private static final String FILE = "Arch-Router-1.5B-Q4_K_M.gguf";

  @TempDir Path fixtures;
  @TempDir Path models;

  private LoopbackHub server;
  private byte[] model;
  private final List<DownloadProgress> progress = new CopyOnWriteArrayList<>();
  private final List<String> notices = new CopyOnWriteArrayList<>();
  private final DownloadListener listener =
      new DownloadListener() {
        @Override
        public void progress(DownloadProgress p) {
          progress.add(p);
        }

        @Override
        public void notice(String message) {
          notices.add(message);
        }
      };

  @BeforeEach
  void serveTinyModel() throws IOException {
    model = Files.readAllBytes(TinyGgufModels.tinyQwen(fixtures));
    server = new LoopbackHub().serving(FILE, model, "\"v1\"");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private HubSettings settings() {
    return new HubSettings(
        server.baseUrl(),
        Optional.empty(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        3,
        Duration.ZERO);
  }

  private ModelDownloader downloader(HubSettings settings) {
    return new ModelDownloader(new HuggingFaceHub(settings, ProxySelector.of(null)));
  }

  private ModelDownloader.Request request() {
    return new ModelDownloader.Request(
        LoopbackHub.REPOSITORY, new PublishedFile(FILE, model.length, server.sha256()), models);
  }

  private ModelDownloader.Downloaded download(HubSettings settings) throws DownloadFailure {
    return downloader(settings).download(request(), listener, () -> false);
  }

  @Test
  void a_file_follows_the_redirect_to_the_cdn_and_lands_verified_under_its_name() throws Exception {
    ModelDownloader.Downloaded downloaded = download(settings());

    assertThat(downloaded.file()).isEqualTo(models.resolve(FILE));
    assertThat(Files.readAllBytes(downloaded.file())).isEqualTo(model);
    assertThat(downloaded.sha256()).isEqualTo(server.sha256());
    assertThat(downloaded.transferred()).isEqualTo(model.length);
    assertThat(GgufMetadataReader.read(downloaded.file()).architecture()).isEqualTo("qwen2");
    assertThat(models.resolve(FILE + ".part")).doesNotExist();
    assertThat(models.resolve(FILE + ".part.properties")).doesNotExist();
    assertThat(models.resolve(FILE + ".part.lock")).doesNotExist();
    assertThat(server.cdnRequests()).hasSize(1);
    assertThat(progress.getLast().phase()).isEqualTo(DownloadProgress.Phase.VERIFIED);
    assertThat(progress)
        .anySatisfy(p -> assertThat(p.phase()).isEqualTo(DownloadProgress.Phase.DOWNLOADING));
  }

  @Test
  void the_token_goes_to_the_hub_only_never_to_the_cdn() throws Exception {
    download(settings().withToken("hf_secret"));

    assertThat(server.received())
        .filteredOn(r -> r.server().equals("hub"))
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer hf_secret"));
    assertThat(server.cdnRequests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
  }

  @Test
  void a_connection_dropped_midway_is_resumed_with_a_range_and_the_hash_passes() throws Exception {
    server.droppingAfter(model.length / 3, 1);

    ModelDownloader.Downloaded downloaded = download(settings());

    assertThat(Files.readAllBytes(downloaded.file())).isEqualTo(model);
    List<LoopbackHub.Received> cdn = server.cdnRequests();
    assertThat(cdn).hasSize(2);
    assertThat(cdn.get(0).header("Range")).isNull();
    assertThat(cdn.get(1).header("Range")).matches("bytes=\\d+-");
    assertThat(cdn.get(1).header("If-Range")).isEqualTo("\"v1\"");
    assertThat(notices).anySatisfy(n -> assertThat(n).contains("trying again (attempt 2 of 3)"));
  }

  @Test
  void a_download_broken_off_resumes_in_a_later_run_from_the_part_file() throws Exception {
    server.droppingAfter(model.length / 2, 1);

    assertThatThrownBy(() -> download(settings().withRetries(1, Duration.ZERO)))
        .isInstanceOfSatisfying(
            DownloadFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED))
        .hasMessageContaining("the next try resumes it");
    long kept = Files.size(models.resolve(FILE + ".part"));
    assertThat(kept).isPositive().isLessThan(model.length);
    assertThat(models.resolve(FILE)).doesNotExist();

    // A new downloader, as after a restart of RouteBench.
    ModelDownloader.Downloaded downloaded = download(settings());

    assertThat(Files.readAllBytes(downloaded.file())).isEqualTo(model);
    assertThat(downloaded.resumedFrom()).isEqualTo(kept);
    assertThat(downloaded.transferred()).isEqualTo(model.length - kept);
    assertThat(server.cdnRequests().getLast().header("Range")).isEqualTo("bytes=" + kept + "-");
  }

  @Test
  void a_cancelled_download_keeps_its_part_and_the_next_one_resumes_it() throws Exception {
    server.inChunksOf(4096);
    var cancel = new AtomicBoolean();
    DownloadListener cancelling =
        p -> {
          if (p.phase() == DownloadProgress.Phase.DOWNLOADING && p.done() > 0) {
            cancel.set(true);
          }
        };

    assertThatThrownBy(() -> downloader(settings()).download(request(), cancelling, cancel::get))
        .isInstanceOf(CancellationException.class);
    long kept = Files.size(models.resolve(FILE + ".part"));
    assertThat(kept).isPositive().isLessThan(model.length);

    ModelDownloader.Downloaded downloaded = download(settings());
    assertThat(Files.readAllBytes(downloaded.file())).isEqualTo(model);
    assertThat(downloaded.resumedFrom()).isEqualTo(kept);
  }

  @Test
  void a_corrupted_byte_fails_the_hash_deletes_the_part_and_installs_nothing() {
    server.corruptingByte(model.length / 2);

    assertThatThrownBy(() -> download(settings()))
        .isInstanceOfSatisfying(
            DownloadFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.HASH_MISMATCH))
        .hasMessageContaining("is damaged: its SHA-256 is ")
        .hasMessageContaining("but Hugging Face publishes " + server.sha256())
        .hasMessageContaining("The partial download was deleted");
    assertThat(models.resolve(FILE)).doesNotExist();
    assertThat(models.resolve(FILE + ".part")).doesNotExist();
    assertThat(models.resolve(FILE + ".part.properties")).doesNotExist();
  }

  @Test
  void a_remote_file_that_changed_since_the_part_starts_over_cleanly() throws Exception {
    server.droppingAfter(model.length / 2, 1);
    assertThatThrownBy(() -> download(settings().withRetries(1, Duration.ZERO)))
        .isInstanceOf(DownloadFailure.class);
    assertThat(models.resolve(FILE + ".part")).exists();

    byte[] changed = model.clone();
    changed[changed.length - 1] ^= 1;
    server.serving(FILE, changed, "\"v2\"");
    // The caller knows only the name: the hash comes from X-Linked-Etag.
    var byName =
        new ModelDownloader.Request(
            LoopbackHub.REPOSITORY, new PublishedFile(FILE, -1, null), models);
    ModelDownloader.Downloaded downloaded =
        downloader(settings()).download(byName, listener, () -> false);

    assertThat(Files.readAllBytes(downloaded.file())).isEqualTo(changed);
    assertThat(downloaded.sha256()).isEqualTo(server.sha256());
    assertThat(server.cdnRequests().getLast().header("Range")).isNull();
    assertThat(notices).anySatisfy(n -> assertThat(n).contains("changed since the partial"));
  }

  @Test
  void a_new_etag_for_the_same_bytes_makes_the_server_send_everything_and_the_part_is_rewritten()
      throws Exception {
    server.droppingAfter(model.length / 2, 1);
    assertThatThrownBy(() -> download(settings().withRetries(1, Duration.ZERO)))
        .isInstanceOf(DownloadFailure.class);
    server.serving(FILE, model, "\"moved-to-another-bucket\"");

    ModelDownloader.Downloaded downloaded = download(settings());

    assertThat(Files.readAllBytes(downloaded.file())).isEqualTo(model);
    assertThat(server.cdnRequests().getLast().header("If-Range")).isEqualTo("\"v1\"");
    assertThat(notices).anySatisfy(n -> assertThat(n).contains("sent the whole of"));
  }

  @Test
  void a_missing_file_is_a_clear_404_without_retries() {
    server.resolveAnswering(404);

    assertThatThrownBy(() -> download(settings()))
        .isInstanceOfSatisfying(
            DownloadFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR))
        .hasMessageContaining("Downloading " + FILE + " — HTTP 404: not found")
        .hasMessageContaining(LoopbackHub.REPOSITORY + "/resolve/main/" + FILE);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void a_server_error_is_retried_then_reported_with_its_status() {
    server.cdnAnswering(500);

    assertThatThrownBy(() -> download(settings()))
        .isInstanceOfSatisfying(
            DownloadFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR))
        .hasMessageContaining("HTTP 500: the server failed")
        .hasMessageContaining("gave up after 3 attempts")
        .hasMessageNotContaining("signature=secret");
    assertThat(server.cdnRequests()).hasSize(3);
  }

  @Test
  void a_server_that_stalls_midway_is_given_up_on_after_the_read_timeout() {
    server.stallingAfter(model.length / 4);
    HubSettings impatient =
        settings()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300))
            .withRetries(2, Duration.ZERO);

    assertThatThrownBy(() -> download(impatient))
        .isInstanceOfSatisfying(
            DownloadFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED))
        .hasMessageContaining("sent nothing for 0.3 s")
        .hasMessageContaining("gave up after 2 attempts");
    assertThat(models.resolve(FILE + ".part")).exists();
  }

  @Test
  void a_server_that_never_answers_is_given_up_on_after_the_read_timeout() {
    server.stallingBeforeHeaders();
    HubSettings impatient =
        settings()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300))
            .withRetries(1, Duration.ZERO);

    assertThatThrownBy(() -> download(impatient))
        .isInstanceOf(DownloadFailure.class)
        .hasMessageContaining("did not answer within 0.3 s");
  }

  @Test
  void an_unreachable_hub_fails_at_once_as_unreachable() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HubSettings nowhere = settings().withBaseUrl(URI.create("http://127.0.0.1:" + closedPort));

    assertThatThrownBy(() -> download(nowhere))
        .isInstanceOfSatisfying(
            DownloadFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
        .hasMessageContaining("Cannot reach 127.0.0.1:" + closedPort)
        .hasMessageNotContaining("gave up after");
  }

  @Test
  void too_little_disk_space_refuses_before_writing_anything() {
    var downloader =
        new ModelDownloader(
            new HuggingFaceHub(settings(), ProxySelector.of(null)), dir -> 1000, System::nanoTime);

    assertThatThrownBy(() -> downloader.download(request(), listener, () -> false))
        .isInstanceOfSatisfying(
            DownloadFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SPACE))
        .hasMessageContaining("only 1000 bytes are free in " + models);
    assertThat(models.resolve(FILE + ".part")).doesNotExist();
  }

  @Test
  void a_file_without_a_published_hash_is_not_downloaded() {
    server.withoutLinkedEtag();
    var byName =
        new ModelDownloader.Request(
            LoopbackHub.REPOSITORY, new PublishedFile(FILE, -1, null), models);

    assertThatThrownBy(() -> downloader(settings()).download(byName, listener, () -> false))
        .isInstanceOfSatisfying(
            DownloadFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_VERIFIABLE))
        .hasMessageContaining("publishes no SHA-256 for " + FILE);
    assertThat(models.resolve(FILE)).doesNotExist();
    assertThat(models.resolve(FILE + ".part")).doesNotExist();
  }

  @Test
  void a_verified_file_already_there_is_not_downloaded_again() throws Exception {
    download(settings());
    int requests = server.received().size();

    ModelDownloader.Downloaded again = download(settings());

    assertThat(again.alreadyPresent()).isTrue();
    assertThat(server.received()).hasSize(requests);
  }

  @Test
  void a_second_download_of_the_same_file_at_the_same_time_is_refused() throws Exception {
    Files.createDirectories(models);
    Path lockFile = models.resolve(FILE + ".part.lock");
    try (var channel =
            java.nio.channels.FileChannel.open(
                lockFile,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      assertThatThrownBy(() -> download(settings()))
          .isInstanceOf(DownloadFailure.class)
          .hasMessageContaining("Another download of " + FILE + " into " + models + " is running");
    }
    assertThat(server.received()).isEmpty();
    assertThat(Files.readAllBytes(download(settings()).file())).isEqualTo(model);
  }

  @Test
  void a_mirror_serving_the_bytes_itself_works_too() throws Exception {
    server.withoutRedirect();

    assertThat(Files.readAllBytes(download(settings()).file())).isEqualTo(model);
  }

  @Test
  void the_listing_gives_each_gguf_with_size_hash_and_the_licence() throws Exception {
    var hub = new HuggingFaceHub(settings(), ProxySelector.of(null));

    HuggingFaceHub.RepositoryListing listing = hub.list(LoopbackHub.REPOSITORY, () -> false);

    assertThat(listing.licence()).contains("katanemo-research");
    assertThat(ArchRouterGguf.ggufFiles(listing))
        .extracting(PublishedFile::name)
        .containsExactly(FILE, "Arch-Router-1.5B-Q8_0.gguf");
    PublishedFile q4 = ArchRouterGguf.find(listing, "q4_k_m").orElseThrow();
    assertThat(q4.size()).isEqualTo(model.length);
    assertThat(q4.sha256()).isEqualTo(server.sha256());
  }
}
