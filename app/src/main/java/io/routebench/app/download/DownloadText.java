package io.routebench.app.download;

import io.routebench.inference.download.DownloadFailure;
import io.routebench.inference.download.DownloadProgress;
import java.time.Duration;
import java.util.Locale;

/** How downloads are put into words, the same in the dialog and on the command line. */
public final class DownloadText {

  private DownloadText() {}

  /** {@code 986.0 MB}, {@code 1.65 GB}, {@code 512 KB}. */
  public static String size(long bytes) {
    if (bytes < 0) {
      return "unknown size";
    }
    if (bytes >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
    if (bytes >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    if (bytes >= 1_000L) {
      return String.format(Locale.ROOT, "%d KB", bytes / 1000);
    }
    return bytes + " bytes";
  }

  /** {@code 1:05:09}, {@code 4:03}, {@code 0:07}. */
  public static String duration(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long hours = seconds / 3600;
    long minutes = seconds / 60 % 60;
    long rest = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }

  /** One line: {@code 43 % · 412.3 MB of 986.0 MB · 5.2 MB/s · 1:50 left}. */
  public static String progress(DownloadProgress progress) {
    return switch (progress.phase()) {
      case CONNECTING -> "Connecting…";
      case CHECKING_PARTIAL ->
          "Checking the " + size(progress.total()) + " downloaded before… " + percent(progress);
      case VERIFIED -> "Verified: " + size(progress.done()) + ", SHA-256 as published";
      case DOWNLOADING -> {
        var line = new StringBuilder();
        if (progress.total() > 0) {
          line.append(percent(progress))
              .append(" · ")
              .append(size(progress.done()))
              .append(" of ")
              .append(size(progress.total()));
        } else {
          line.append(size(progress.done()));
        }
        if (progress.bytesPerSecond() > 0) {
          line.append(" · ").append(size((long) progress.bytesPerSecond())).append("/s");
        }
        progress.eta().ifPresent(eta -> line.append(" · ").append(duration(eta)).append(" left"));
        yield line.toString();
      }
    };
  }

  private static String percent(DownloadProgress progress) {
    double fraction = progress.fraction();
    return fraction < 0 ? "" : (int) Math.floor(fraction * 100) + " %";
  }

  /**
   * What else the user can do when the download cannot happen here.
   *
   * @param alternatives where to get a router instead, in the words of the caller's surface
   */
  public static String withAlternatives(DownloadFailure failure, String alternatives) {
    return switch (failure.reason()) {
      case UNREACHABLE ->
          failure.getMessage()
              + ". Check the network connection and the proxy (the HTTPS_PROXY environment"
              + " variable, or the desktop's proxy settings); a mirror of the hub goes in"
              + " HF_ENDPOINT. "
              + alternatives;
      case OFFLINE -> failure.getMessage() + ". " + alternatives;
      case HTTP_ERROR, INTERRUPTED, NOT_VERIFIABLE -> failure.getMessage() + " " + alternatives;
      default -> failure.getMessage();
    };
  }
}
