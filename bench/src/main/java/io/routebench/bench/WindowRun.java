package io.routebench.bench;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterSource;
import io.routebench.app.runs.RunViewModel;
import io.routebench.app.tasks.AppExecutors;
import io.routebench.app.tasks.ThreadedTaskExecutor;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Suites tab's Run button without a screen: the window's own {@link LocalRouter} and {@link
 * RunViewModel} on the workbench's threads ({@link AppExecutors}: the engine thread, the workers),
 * with a single thread standing in for the FX application thread, which the view models are
 * confined to. Connecting and running go through the same calls as Connect… and Run.
 */
final class WindowRun implements AutoCloseable {

  private final ExecutorService ui =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("bench-ui").daemon().factory());
  private final AppExecutors threads =
      AppExecutors.create((thread, failure) -> failure.printStackTrace());
  private final LocalRouter router;
  private final RunViewModel runs;
  private CompletableFuture<RegressionRun> ending = new CompletableFuture<>();

  /**
   * @param loader connects the router as Connect… does ({@code path -> ...} keeps its default)
   */
  WindowRun(LocalRouter.Loader loader, RegressionRunRepository store, PolicyDocument document) {
    // The router on the engine thread, the run on the workers, as the workbench has them.
    router =
        new LocalRouter(
            loader, new ThreadedTaskExecutor(threads.engine(), ui, Throwable::printStackTrace));
    runs =
        onUi(
            () ->
                new RunViewModel(
                    router,
                    store,
                    new ThreadedTaskExecutor(threads.workers(), ui, Throwable::printStackTrace),
                    new SimpleObjectProperty<>(document),
                    System::nanoTime,
                    outcome -> ending.complete(outcome.run())));
    onUi(
        () -> {
          runs.stateProperty()
              .addListener(
                  (obs, was, now) -> {
                    if (now == RunViewModel.State.IDLE) {
                      // Queued behind the rest of the run's end: a run that ended well has
                      // completed `ending` by then, one that could not be made has said why.
                      ui.execute(this::endedWithoutRun);
                    }
                  });
          return null;
        });
  }

  /** Connect… with this endpoint: replaces the router connected before, as the dialog does. */
  void connect(OpenAiEndpointSettings endpoint) {
    var source = new RouterSource.Endpoint(endpoint);
    var failures = new ArrayList<RuntimeException>();
    onUi(
        () -> {
          router.load(source, failures::add);
          return null;
        });
    // The connection is made on the engine thread, then shown on the UI thread.
    await(threads.engine().submit(() -> {}));
    onUi(
        () -> {
          LocalRouter.Loaded loaded = router.loadedProperty().get();
          if (!failures.isEmpty() || loaded == null || !source.equals(loaded.source())) {
            throw new IllegalStateException(
                "could not connect to " + endpoint.baseUrl() + ": " + failures);
          }
          return null;
        });
  }

  /** Run: the whole suite, from the click to the run stored and shown. */
  RegressionRun run(TestSuite suite) {
    CompletableFuture<RegressionRun> thisRun =
        onUi(
            () -> {
              ending = new CompletableFuture<>();
              runs.start(suite);
              if (runs.stateProperty().get() == RunViewModel.State.IDLE) {
                endedWithoutRun();
              }
              return ending;
            });
    return await(thisRun);
  }

  private void endedWithoutRun() {
    ending.completeExceptionally(
        new IllegalStateException("the window made no run: " + runs.messageProperty().get()));
  }

  @Override
  public void close() {
    onUi(
        () -> {
          runs.dispose();
          router.unload();
          return null;
        });
    threads.shutdown();
    ui.shutdown();
  }

  private <T> T onUi(Callable<T> work) {
    return await(ui.submit(work));
  }

  private static <T> T await(Future<T> work) {
    try {
      return work.get(10, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the window did not answer in 10 minutes", e);
    }
  }
}
