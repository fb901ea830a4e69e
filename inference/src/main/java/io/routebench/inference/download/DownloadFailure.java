package io.routebench.inference.download;

import java.io.IOException;

/**
 * Why a download did not produce a verified file, with a message the user can act on. The partial
 * download is kept for a resume unless the reason says otherwise.
 */
public final class DownloadFailure extends IOException {

  /** What went wrong, so callers can name the alternatives that fit. */
  public enum Reason {
    /** The server could not be reached at all: offline, DNS, proxy, firewall. */
    UNREACHABLE,
    /** Offline mode ({@code HF_HUB_OFFLINE=1}) forbids contacting the hub. */
    OFFLINE,
    /** The server answered with an error status (404, 401, 500, …). */
    HTTP_ERROR,
    /** The connection stalled or broke and the retries ran out. */
    INTERRUPTED,
    /** The downloaded bytes do not have the published SHA-256; the partial file was deleted. */
    HASH_MISMATCH,
    /** The hub publishes no SHA-256 for the file, so it could never be verified. */
    NOT_VERIFIABLE,
    /** Not enough free space for the rest of the file. */
    NO_SPACE,
    /** The model directory cannot be written. */
    LOCAL_IO
  }

  private final Reason reason;

  public DownloadFailure(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DownloadFailure(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
