package io.routebench.app.routing;

import io.routebench.core.routing.RouteSelector;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The router model loaded into this workbench, shared by the playtest of whichever workspace is
 * open: one engine on one thread, because llama.cpp contexts are not thread-safe. Loading a model,
 * replacing it and closing it all run on that thread, so they wait for a decision in flight instead
 * of pulling the model from under it.
 *
 * <p>The properties are read and written on the UI thread; results reach it through {@code ui}.
 */
public final class LocalRouter {

  /** Turns a model file into a ready engine; throws a user-readable exception when it cannot. */
  @FunctionalInterface
  public interface Loader {
    Loaded load(Path model);
  }

  /**
   * @param description one line about the model for the user, e.g. its name and quantisation
   * @param warnings what the load noticed (e.g. no chat template, ChatML used instead)
   */
  public record Loaded(
      Path file, RouteSelector selector, String description, List<String> warnings) {

    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  private final Loader loader;
  private final Executor engine;
  private final Executor ui;
  private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

  /** Only touched on the engine thread. */
  private Loaded current;

  /** Bumped by every load and unload, so that a load overtaken by an unload is discarded. */
  private final AtomicInteger generation = new AtomicInteger();

  /**
   * @param engine the single thread that owns the engine
   * @param ui runs results on the UI thread ({@code Platform::runLater})
   */
  public LocalRouter(Loader loader, Executor engine, Executor ui) {
    this.loader = Objects.requireNonNull(loader);
    this.engine = Objects.requireNonNull(engine);
    this.ui = Objects.requireNonNull(ui);
  }

  /** The loaded model, or {@code null}. */
  public ReadOnlyObjectProperty<Loaded> loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The thread decisions must run on. */
  public Executor engine() {
    return engine;
  }

  /**
   * Loads {@code model} in the background; when it succeeds it replaces the model loaded before,
   * which is closed. A model that fails to load leaves the previous one in place.
   *
   * @param failed told, on the UI thread, why the model could not be loaded
   */
  public void load(Path model, Consumer<RuntimeException> failed) {
    if (loading.get()) {
      return;
    }
    loading.set(true);
    int thisLoad = generation.incrementAndGet();
    engine.execute(
        () -> {
          Loaded next;
          try {
            next = loader.load(model);
          } catch (RuntimeException e) {
            ui.execute(
                () -> {
                  if (generation.get() == thisLoad) {
                    loading.set(false);
                    failed.accept(e);
                  }
                });
            return;
          }
          if (generation.get() != thisLoad) {
            next.selector().close();
            return;
          }
          closeCurrent();
          current = next;
          // An unload between here and the UI thread has queued the close of this very model.
          ui.execute(
              () -> {
                if (generation.get() == thisLoad) {
                  loading.set(false);
                  loaded.set(next);
                }
              });
        });
  }

  /**
   * Closes the model, after any decision in flight; nothing is loaded afterwards. Safe to call
   * again, also once the engine thread has stopped.
   */
  public void unload() {
    if (loaded.get() == null && !loading.get()) {
      return;
    }
    generation.incrementAndGet();
    loaded.set(null);
    loading.set(false);
    try {
      engine.execute(this::closeCurrent);
    } catch (RejectedExecutionException e) {
      // Shutting down: the process ends, and llama.cpp's memory with it.
    }
  }

  private void closeCurrent() {
    if (current != null) {
      current.selector().close();
      current = null;
    }
  }
}
