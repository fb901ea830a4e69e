package io.routebench.app.tasks;

/** The body of a {@link BackgroundTask}: runs off the UI thread and may report progress. */
@FunctionalInterface
public interface BackgroundWork<T> {

  T run(ProgressReporter progress) throws Exception;
}
