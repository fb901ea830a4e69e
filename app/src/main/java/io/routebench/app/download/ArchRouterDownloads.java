package io.routebench.app.download;

import io.routebench.inference.download.ArchRouterGguf;
import io.routebench.inference.download.DownloadFailure;
import io.routebench.inference.download.DownloadListener;
import io.routebench.inference.download.EnvironmentProxySelector;
import io.routebench.inference.download.HubSettings;
import io.routebench.inference.download.HuggingFaceHub;
import io.routebench.inference.download.HuggingFaceHub.RepositoryListing;
import io.routebench.inference.download.ModelDownloader;
import io.routebench.inference.download.PublishedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Where the workbench and the CLI get Arch-Router from: Katanemo's GGUF repository on the hub. */
public final class ArchRouterDownloads {

  private final HuggingFaceHub hub;
  private final ModelDownloader downloader;

  public ArchRouterDownloads(HuggingFaceHub hub) {
    this.hub = hub;
    this.downloader = new ModelDownloader(hub);
  }

  /** The hub named by the system properties and environment (mirror URL, token, proxy). */
  public static ArchRouterDownloads fromSystem() {
    return new ArchRouterDownloads(
        new HuggingFaceHub(HubSettings.fromSystem(), EnvironmentProxySelector.forThisProcess()));
  }

  /** The published quantisations, smallest first, each with its size and SHA-256. */
  public Catalogue catalogue(BooleanSupplier cancelled) throws DownloadFailure {
    RepositoryListing listing = hub.list(ArchRouterGguf.REPOSITORY, cancelled);
    List<PublishedFile> files = ArchRouterGguf.ggufFiles(listing);
    if (files.isEmpty()) {
      throw new DownloadFailure(
          DownloadFailure.Reason.HTTP_ERROR,
          ArchRouterGguf.REPOSITORY + " on " + hub.settings().hostLabel() + " lists no GGUF file");
    }
    return new Catalogue(files, listing.licence().orElse(ArchRouterGguf.LICENCE_NAME));
  }

  public ModelDownloader.Downloaded download(
      PublishedFile file, Path directory, DownloadListener listener, BooleanSupplier cancelled)
      throws DownloadFailure {
    return downloader.download(
        new ModelDownloader.Request(ArchRouterGguf.REPOSITORY, file, directory),
        listener,
        cancelled);
  }

  /**
   * The quantisation's file in {@code directory} if an earlier download verified it and it is
   * unchanged; found without contacting the hub.
   */
  public java.util.Optional<ModelDownloader.Downloaded> verifiedCopy(
      String quant, Path directory, DownloadListener listener, BooleanSupplier cancelled)
      throws DownloadFailure {
    return downloader.verifiedCopy(
        directory.resolve(ArchRouterGguf.fileName(quant)), listener, cancelled);
  }

  /** Whether {@code HF_HUB_OFFLINE} forbids contacting the hub. */
  public boolean offline() {
    return hub.settings().offline();
  }

  /** The hub's host, as messages name it. */
  public String host() {
    return hub.settings().hostLabel();
  }

  /**
   * @param files the GGUF builds, smallest first
   * @param licence the licence the model card names
   */
  public record Catalogue(List<PublishedFile> files, String licence) {
    public Catalogue {
      files = List.copyOf(files);
    }

    /** The default quantisation if published, else the first file. */
    public PublishedFile preferred() {
      return files.stream()
          .filter(
              f -> ArchRouterGguf.quantOf(f.name()).orElse("").equals(ArchRouterGguf.DEFAULT_QUANT))
          .findFirst()
          .orElse(files.get(0));
    }
  }
}
