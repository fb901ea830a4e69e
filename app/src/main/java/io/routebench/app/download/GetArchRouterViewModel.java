package io.routebench.app.download;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.TaskHandle;
import io.routebench.inference.download.ArchRouterGguf;
import io.routebench.inference.download.DownloadFailure;
import io.routebench.inference.download.DownloadListener;
import io.routebench.inference.download.DownloadProgress;
import io.routebench.inference.download.ModelDownloader;
import io.routebench.inference.download.PublishedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Get Arch-Router dialog without its controls: which quantisations there are, the licence the
 * user must accept, the download with its progress, and what happens after it verified. Properties
 * are read and written on the UI thread; the download runs on the task executor and reaches the UI
 * through the same executor, at most one progress update pending at a time.
 */
public final class GetArchRouterViewModel {

  /** Where the dialog is. */
  public enum State {
    /** Asking the hub which files there are. */
    LISTING,
    /** The user picks a file and accepts the licence. */
    CHOOSING,
    DOWNLOADING,
    /** The file is in place and verified: it may be loaded. */
    VERIFIED,
    /** The download was cancelled; what arrived is kept for a resume. */
    CANCELLED,
    /** The listing or the download failed; {@link #messageProperty()} says why. */
    FAILED
  }

  static final String ALTERNATIVES =
      "Without a download: open a GGUF file you already have (the Playtest tab's router model"
          + " bar, or Open GGUF… under Getting started), or serve Arch-Router (Ollama, vLLM,"
          + " llama-server) and use it as a remote router.";

  private final ArchRouterDownloads downloads;
  private final TaskExecutor tasks;
  private final Consumer<Path> loadModel;

  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LISTING);
  private final ObservableList<PublishedFile> files = FXCollections.observableArrayList();
  private final ObjectProperty<PublishedFile> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> destination = new SimpleObjectProperty<>();
  private final BooleanProperty licenceAccepted = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper licence =
      new ReadOnlyStringWrapper(ArchRouterGguf.LICENCE_NAME);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper downloadLabel = new ReadOnlyStringWrapper("Download");
  private final ReadOnlyObjectWrapper<Path> verifiedFile = new ReadOnlyObjectWrapper<>();

  private final AtomicReference<DownloadProgress> latest = new AtomicReference<>();
  private AtomicBoolean cancelRequested = new AtomicBoolean();
  private TaskHandle running;

  /**
   * @param modelDir the default destination
   * @param loadModel loads a verified file as the router model (the Playtest's load path)
   */
  public GetArchRouterViewModel(
      ArchRouterDownloads downloads, TaskExecutor tasks, Path modelDir, Consumer<Path> loadModel) {
    this.downloads = Objects.requireNonNull(downloads);
    this.tasks = Objects.requireNonNull(tasks);
    this.loadModel = Objects.requireNonNull(loadModel);
    destination.set(modelDir);
    selected.addListener((obs, old, now) -> updateDownloadLabel());
    destination.addListener((obs, old, now) -> updateDownloadLabel());
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public State state() {
    return state.get();
  }

  public ObservableList<PublishedFile> files() {
    return files;
  }

  public ObjectProperty<PublishedFile> selectedProperty() {
    return selected;
  }

  public ObjectProperty<Path> destinationProperty() {
    return destination;
  }

  public BooleanProperty licenceAcceptedProperty() {
    return licenceAccepted;
  }

  /** The licence's name as the model card gives it. */
  public ReadOnlyStringProperty licenceProperty() {
    return licence.getReadOnlyProperty();
  }

  /** 0..1, or -1 while the size is unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Bytes, rate and time left, in words. */
  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** Why it failed, or a notice (resumed, started over), or where the file is. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** "Download" or "Resume (412.3 MB downloaded)". */
  public ReadOnlyStringProperty downloadLabelProperty() {
    return downloadLabel.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Path> verifiedFileProperty() {
    return verifiedFile.getReadOnlyProperty();
  }

  /** Whether Download may be pressed: a file chosen, the licence accepted, nothing running. */
  public BooleanBinding canDownload() {
    return Bindings.createBooleanBinding(
        this::downloadPossible, selected, destination, licenceAccepted, state);
  }

  private boolean downloadPossible() {
    return selected.get() != null
        && destination.get() != null
        && licenceAccepted.get()
        && (state.get() == State.CHOOSING
            || state.get() == State.CANCELLED
            || state.get() == State.FAILED && !files.isEmpty());
  }

  /** Asks the hub for the published files; the default quantisation is preselected. */
  public void loadCatalogue() {
    state.set(State.LISTING);
    message.set("Asking " + downloads.host() + " for the published files…");
    AtomicBoolean cancelled = new AtomicBoolean();
    cancelRequested = cancelled;
    running =
        tasks.execute(
            BackgroundTask.of(
                    "Listing Arch-Router files",
                    reporter ->
                        downloads.catalogue(() -> cancelled.get() || reporter.isCancelled()))
                .onSuccess(
                    catalogue -> {
                      files.setAll(catalogue.files());
                      licence.set(catalogue.licence());
                      selected.set(catalogue.preferred());
                      message.set("");
                      state.set(State.CHOOSING);
                    })
                .onFailure(this::listingFailed)
                .onCancelled(() -> state.set(State.CANCELLED)));
  }

  /**
   * A hub that answers but gives no listing (a mirror without the model API) can still serve the
   * default file by name; its SHA-256 then comes from the download's own X-Linked-Etag. Offline,
   * there is nothing to offer.
   */
  private void listingFailed(Throwable failure) {
    if (failure instanceof DownloadFailure download
        && download.reason() != DownloadFailure.Reason.UNREACHABLE) {
      var byName =
          new PublishedFile(ArchRouterGguf.fileName(ArchRouterGguf.DEFAULT_QUANT), -1, null);
      files.setAll(byName);
      selected.set(byName);
      message.set(
          "Cannot read the file list ("
              + download.getMessage()
              + "). "
              + ArchRouterGguf.DEFAULT_QUANT
              + " can still be downloaded by name; it is verified against the SHA-256 the"
              + " download carries, or not used.");
      state.set(State.CHOOSING);
      return;
    }
    failed(failure);
  }

  /** Downloads the chosen file (resuming a part of it left before). */
  public void download() {
    if (!downloadPossible()) {
      return;
    }
    PublishedFile file = selected.get();
    Path directory = destination.get();
    AtomicBoolean cancelled = new AtomicBoolean();
    cancelRequested = cancelled;
    state.set(State.DOWNLOADING);
    message.set("");
    progress.set(-1);
    progressText.set("Connecting…");
    DownloadListener listener =
        new DownloadListener() {
          @Override
          public void progress(DownloadProgress update) {
            // Coalesce: the UI shows the newest state; at most one update is waiting for it.
            if (latest.getAndSet(update) == null) {
              tasks.runOnUiThread(GetArchRouterViewModel.this::showLatestProgress);
            }
          }

          @Override
          public void notice(String notice) {
            tasks.runOnUiThread(() -> message.set(notice));
          }
        };
    running =
        tasks.execute(
            BackgroundTask.of(
                    "Downloading " + file.name(),
                    reporter ->
                        downloads.download(
                            file,
                            directory,
                            listener,
                            () -> cancelled.get() || reporter.isCancelled()))
                .onSuccess(this::verified)
                .onFailure(this::failed)
                .onCancelled(this::cancelled));
  }

  /** Stops the listing or download; a download's part stays for a resume. */
  public void cancel() {
    cancelRequested.set(true);
    if (running != null) {
      running.cancel();
    }
  }

  /** Loads the verified file as the Playtest's router model. */
  public void loadVerified() {
    if (verifiedFile.get() != null) {
      loadModel.accept(verifiedFile.get());
    }
  }

  private void showLatestProgress() {
    DownloadProgress update = latest.getAndSet(null);
    if (update == null || state.get() != State.DOWNLOADING) {
      return;
    }
    progress.set(update.fraction());
    progressText.set(DownloadText.progress(update));
  }

  private void verified(ModelDownloader.Downloaded downloaded) {
    latest.set(null);
    verifiedFile.set(downloaded.file());
    progress.set(1);
    progressText.set(
        "Verified: "
            + DownloadText.size(downloaded.size())
            + ", SHA-256 "
            + downloaded.sha256().substring(0, 12)
            + "… as published");
    message.set(
        (downloaded.alreadyPresent() ? "Already downloaded: " : "Saved as ") + downloaded.file());
    state.set(State.VERIFIED);
    updateDownloadLabel();
  }

  private void failed(Throwable failure) {
    if (failure instanceof CancellationException) {
      cancelled();
      return;
    }
    latest.set(null);
    message.set(
        failure instanceof DownloadFailure download
            ? DownloadText.withAlternatives(download, ALTERNATIVES)
            : "The download failed: " + failure);
    state.set(State.FAILED);
    updateDownloadLabel();
  }

  private void cancelled() {
    latest.set(null);
    boolean wasListing = state.get() == State.LISTING;
    state.set(wasListing ? State.FAILED : State.CANCELLED);
    message.set(
        wasListing
            ? "Cancelled."
            : "Cancelled. What was downloaded is kept: Resume continues from there.");
    progressText.set("");
    updateDownloadLabel();
  }

  private void updateDownloadLabel() {
    PublishedFile file = selected.get();
    Path directory = destination.get();
    long part = 0;
    if (file != null && directory != null) {
      try {
        Path partFile = directory.resolve(file.name() + ".part");
        part = Files.isRegularFile(partFile) ? Files.size(partFile) : 0;
      } catch (IOException e) {
        part = 0;
      }
    }
    downloadLabel.set(
        part > 0 ? "Resume (" + DownloadText.size(part) + " downloaded)" : "Download");
  }
}
