package io.routebench.core.routing;

/** Hears about each finished decision of a batch; called on the engine's thread, so be quick. */
@FunctionalInterface
public interface BatchProgressListener {

  BatchProgressListener NONE = (index, answer, done, total) -> {};

  /**
   * @param requestIndex which request (in the caller's order) was answered
   * @param done how many requests are answered so far
   */
  void completed(int requestIndex, RouterAnswer answer, int done, int total);
}
