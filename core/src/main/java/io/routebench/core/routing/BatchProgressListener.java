package io.routebench.core.routing;

/**
 * Hears about each finished decision of a batch.
 *
 * <p>Threading: every engine calls it on the thread that called {@link RouteSelector#selectAll},
 * one call at a time, with {@code done} counting up by one per call — also an engine that keeps
 * many requests in flight, which hands each answer over to that thread as it arrives. So a listener
 * may write to a store owned by the calling thread. It delays the next request, so be quick.
 */
@FunctionalInterface
public interface BatchProgressListener {

  BatchProgressListener NONE = (index, answer, done, total) -> {};

  /**
   * @param requestIndex which request (in the caller's order) was answered
   * @param done how many requests are answered so far
   */
  void completed(int requestIndex, RouterAnswer answer, int done, int total);
}
