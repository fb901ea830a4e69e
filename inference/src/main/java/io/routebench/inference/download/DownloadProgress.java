package io.routebench.inference.download;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a download stands.
 *
 * @param phase what the downloader is doing
 * @param done bytes of the file on disk so far (including a resumed part)
 * @param total the file's size, or {@code -1} while unknown
 * @param bytesPerSecond the recent transfer rate; 0 while unknown
 * @param eta the estimated time to finish, empty while unknown
 */
public record DownloadProgress(
    Phase phase, long done, long total, double bytesPerSecond, Optional<Duration> eta) {

  public enum Phase {
    /** Asking the server for the file. */
    CONNECTING,
    /** Re-reading the part downloaded before, to continue its SHA-256. */
    CHECKING_PARTIAL,
    /** Receiving bytes. */
    DOWNLOADING,
    /** All bytes are in and their SHA-256 matches the published one. */
    VERIFIED
  }

  /** The completed fraction (0..1), or -1 while the size is unknown. */
  public double fraction() {
    return total > 0 ? Math.min(1.0, (double) done / total) : -1;
  }
}
