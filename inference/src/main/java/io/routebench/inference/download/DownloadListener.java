package io.routebench.inference.download;

/** Receives a download's progress on the downloading thread; must return quickly. */
public interface DownloadListener {

  DownloadListener NONE = progress -> {};

  void progress(DownloadProgress progress);

  /**
   * Something the user should know that is not an error: the connection dropped and the download
   * resumes, the remote file changed and the download starts over.
   */
  default void notice(String message) {}
}
