package io.routebench.app.routing;

import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.settings.AppSettings;
import io.routebench.app.settings.RouterEndpoint;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.PlanoListenerSettings;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Picks the router model the workbench decides with: load a GGUF file (or the one used last time),
 * see what is loaded, unload it to free its memory.
 */
public final class RouterModelBar {

  private final LocalRouter router;
  private final SettingsStore settings;
  private final ErrorReporter errors;
  private final Path modelDir;
  private final VBox root;

  /**
   * The ways to get a router (load, connect, download) and what to do with it (unload, tune); in a
   * narrow window the last ones wrap to a second line instead of leaving the window.
   */
  private final FlowPane actions;

  /** The first button after the ways to get a router. */
  private final Button unload;

  private final RecentModelsMenu recent;
  private final Hyperlink again;
  private ServerCheck serverCheck;

  /** Opens "Connect to a server", once {@link #offerServers} was called; else {@code null}. */
  private Runnable connectAction;

  /** What happened to the router without the user asking (a reconnect at start), or empty. */
  private final Label notice = new Label();

  /**
   * @param modelDir where the file chooser starts before any model was loaded
   */
  public RouterModelBar(
      LocalRouter router, SettingsStore settings, ErrorReporter errors, Path modelDir) {
    this.router = router;
    this.settings = settings;
    this.errors = errors;
    this.modelDir = modelDir;

    // One control for both ways of loading a file: the chooser, or one of the recent models.
    var choose = new SplitMenuButton();
    choose.setText("Load model…");
    choose.setId("loadRouterModelButton");
    choose.setMinWidth(SplitMenuButton.USE_PREF_SIZE);
    choose.setOnAction(e -> chooseAndLoad(window()));
    recent = new RecentModelsMenu(settings, choose, this::load);
    // Offered while nothing is loaded: a model takes a second or two and a GB of memory, so it is
    // never loaded without being asked for.
    again = new Hyperlink();
    again.setId("reloadRouterModelLink");
    again.setWrapText(true);
    again
        .visibleProperty()
        .bind(
            router
                .loadedProperty()
                .isNull()
                .and(router.loadingProperty().not())
                .and(again.textProperty().isNotEmpty()));
    showLastModel();
    again.managedProperty().bind(again.visibleProperty());
    unload = new Button("Unload");
    unload.setId("unloadRouterModelButton");
    unload.setMinWidth(Button.USE_PREF_SIZE);
    unload.setOnAction(
        e -> {
          router.unload();
          // Unloaded on purpose: nothing to connect to at the next start.
          settings.update(s -> s.withReconnectAtStart(false));
        });
    unload.disableProperty().bind(router.loadedProperty().isNull());
    var progress = new LoadProgress(router);
    choose.disableProperty().bind(router.loadingProperty());
    var engine = new Button("⚙");
    engine.setId("engineSettingsButton");
    engine.setAccessibleText("Engine settings");
    engine.setTooltip(new Tooltip("Engine settings: threads, context size, GPU layers"));
    engine.setMinWidth(Button.USE_PREF_SIZE);
    engine.setOnAction(e -> showEngineSettings(window()));
    var model = new Label();
    model.setId("routerModelLabel");
    model
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  // While another loads, the model in use is still the one decisions go to.
                  LocalRouter.Loaded loaded = router.loadedProperty().get();
                  return loaded == null ? "No router model loaded" : loaded.description();
                },
                router.loadedProperty()));
    // A model whose prompts differ from production (e.g. its chat template was not used) must not
    // look like one that matches it: the warning is shown in red, with a sign.
    model
        .styleProperty()
        .bind(
            Bindings.createStringBinding(
                () -> warned(router) ? "-fx-text-fill: #b00020; -fx-font-weight: bold;" : "",
                router.loadedProperty()));
    model
        .graphicProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> warned(router) ? new Label("⚠") : null, router.loadedProperty()));
    model.setWrapText(true);
    // "Load … again" says the same as "No router model loaded", and more: one of them is shown.
    model.visibleProperty().bind(again.visibleProperty().not());
    model.managedProperty().bind(model.visibleProperty());
    HBox.setHgrow(model, Priority.ALWAYS);
    model.setMaxWidth(Double.MAX_VALUE);
    // Two rows: the buttons never squeeze the model's description (a long one wraps below them
    // instead of into a column of single letters in a narrow window).
    actions = new FlowPane(8, 4, choose, unload, engine);
    actions.setAlignment(Pos.CENTER_LEFT);
    var status = new HBox(8, again, progress.root(), model);
    status.setAlignment(Pos.CENTER_LEFT);
    notice.setId("routerNoticeLabel");
    notice.setWrapText(true);
    notice.getStyleClass().add("help");
    notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());
    root = new VBox(4, actions, status, notice);
    root.setPadding(new Insets(8, 10, 0, 10));
  }

  public Node root() {
    return root;
  }

  /**
   * Adds a "Get Arch-Router…" link, shown while no model is loaded, for users who have no GGUF yet.
   */
  public void offerDownload(Runnable getArchRouter) {
    var get = new Hyperlink("Get Arch-Router…");
    get.setId("getArchRouterLink");
    get.setMinWidth(Hyperlink.USE_PREF_SIZE);
    get.setOnAction(e -> getArchRouter.run());
    get.visibleProperty()
        .bind(router.loadedProperty().isNull().and(router.loadingProperty().not()));
    get.managedProperty().bind(get.visibleProperty());
    // After the ways to load (Load, Connect).
    actions.getChildren().add(actions.getChildren().indexOf(unload), get);
  }

  /**
   * Loads {@code model} and tells the user if it cannot be used. Only a model that loaded is
   * remembered for next time: offering to load again a file that just failed would fail again.
   */
  public void load(Path model) {
    load(new RouterSource.ModelFile(model));
  }

  /** Connects to a router served over HTTP, as {@link #load(Path)} loads a file. */
  public void connect(OpenAiEndpointSettings endpoint) {
    load(new RouterSource.Endpoint(endpoint));
  }

  /** Loads a file, or connects to a server or to plano; tells the user if it cannot. */
  public void load(RouterSource source) {
    notice.setText("");
    whenNextLoaded(source, () -> remember(source));
    router.load(
        source,
        failure ->
            errors.showError(
                switch (source) {
                  case RouterSource.ModelFile file -> "Cannot load the router model";
                  case RouterSource.Endpoint endpoint -> "Cannot connect to the router server";
                  case RouterSource.Plano plano -> "Cannot connect to plano";
                },
                failure.getMessage() + "\nThe router in use before, if any, is still in use.",
                null));
  }

  /**
   * Connects again to the server that was the router when RouteBench last closed, as a model file
   * is offered again ("Load … again"): a server costs no memory here, so it is simply connected to.
   * The bar says so; a server that is gone is said on the bar too, not in a dialog, since the user
   * asked for nothing.
   */
  public void reconnectLastServer() {
    AppSettings current = settings.current();
    RouterEndpoint last = current.lastEndpoint();
    if (!current.reconnectAtStart()
        || last == null
        || router.isReady()
        || router.loadingProperty().get()) {
      return;
    }
    RouterSource source =
        last.plano()
            ? new RouterSource.Plano(
                new PlanoListenerSettings(last.baseUrl())
                    .withParallelRequests(last.parallelRequests()))
            : new RouterSource.Endpoint(
                new OpenAiEndpointSettings(
                        last.baseUrl(), last.model(), last.apiKeyEnvironmentVariable())
                    .withParallelRequests(last.parallelRequests()));
    String where = (last.plano() ? "plano" : last.model()) + " at " + last.baseUrl();
    notice.setText("Reconnecting to " + where + ", the router in use last time…");
    whenNextLoaded(
        source,
        () -> {
          remember(source);
          notice.setText("Reconnected to " + where + ", the router in use last time.");
        });
    router.load(
        source,
        failure ->
            notice.setText(
                "Could not reconnect to "
                    + where
                    + ", the router in use last time: "
                    + sentence(failure.getMessage())
                    + " Connect… tries again; Load model… uses a file instead."));
  }

  /**
   * Hears the next router change once: when it is {@code source} that loaded, runs {@code then}.
   */
  private void whenNextLoaded(RouterSource source, Runnable then) {
    router
        .loadedProperty()
        .addListener(
            new ChangeListener<>() {
              @Override
              public void changed(
                  ObservableValue<? extends LocalRouter.Loaded> observable,
                  LocalRouter.Loaded old,
                  LocalRouter.Loaded now) {
                observable.removeListener(this);
                if (now != null && now.source().equals(source)) {
                  then.run();
                }
              }
            });
  }

  /** Keeps {@code source}, just loaded, in the settings: offered again, or reconnected at start. */
  private void remember(RouterSource source) {
    switch (source) {
      case RouterSource.ModelFile model -> {
        settings.update(s -> s.withLoadedModel(model.file()).withReconnectAtStart(false));
        recent.refresh();
        showLastModel();
      }
      case RouterSource.Endpoint endpoint -> {
        // The key's variable name, never the key: the settings file is not a secret store.
        OpenAiEndpointSettings e = endpoint.settings();
        settings.update(
            s ->
                s.withLastEndpoint(
                        new RouterEndpoint(
                            e.baseUrl(),
                            e.model(),
                            e.apiKeyEnvironmentVariable(),
                            e.parallelRequests()))
                    .withReconnectAtStart(true));
      }
      case RouterSource.Plano plano -> {
        // The model server's model and key variable are kept, to offer them again.
        RouterEndpoint last = settings.current().lastEndpoint();
        settings.update(
            s ->
                s.withLastEndpoint(
                        new RouterEndpoint(
                            plano.settings().baseUrl(),
                            last == null ? "" : last.model(),
                            last == null ? "" : last.apiKeyEnvironmentVariable(),
                            true,
                            plano.settings().parallelRequests()))
                    .withReconnectAtStart(true));
      }
    }
  }

  /** {@link #offerServers(TaskExecutor, URI)} with Ollama where it listens by default. */
  public void offerServers(TaskExecutor background) {
    offerServers(background, OllamaProbe.DEFAULT_ADDRESS);
  }

  /**
   * Adds "Connect…", which connects to a router served by Ollama, vLLM or llama-server instead of a
   * local file.
   *
   * @param background runs "Test connection" and the look for a local Ollama
   * @param ollama where Ollama would listen ({@link OllamaProbe#DEFAULT_ADDRESS})
   */
  public void offerServers(TaskExecutor background, URI ollama) {
    var connect = new Button("Connect…");
    connect.setId("connectRouterServerButton");
    connect.setTooltip(
        new Tooltip("Use a router served by Ollama, vLLM or llama-server, or a running plano"));
    connect.setMinWidth(Button.USE_PREF_SIZE);
    connect.disableProperty().bind(router.loadingProperty());
    connect.setOnAction(e -> showConnect(background, ollama));
    actions.getChildren().add(1, connect);
    connectAction = () -> showConnect(background, ollama);
  }

  /** Offers "Check against my server" in Connect…, for the open workspace's serving engine. */
  public void offerServerCheck(ServerCheck check) {
    this.serverCheck = check;
  }

  /** {@link #showConnect(TaskExecutor, URI)} looking for Ollama where it listens by default. */
  public void showConnect(TaskExecutor background) {
    showConnect(background, OllamaProbe.DEFAULT_ADDRESS);
  }

  /** Opens the "Connect to a server" dialog; Connect connects. */
  public void showConnect(TaskExecutor background, URI ollama) {
    var viewModel =
        new EndpointViewModel(
            settings.current().lastEndpoint(), background, ollama, System::getenv, serverCheck);
    new EndpointDialog(viewModel).show(window(), this::load);
    viewModel.lookForOllama();
  }

  /** Lets the user pick a GGUF file, then shows its card (Load loads it). */
  public void chooseAndLoad(Window owner) {
    var chooser = new FileChooser();
    chooser.setTitle("Load router model");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("GGUF models (*.gguf)", "*.gguf"));
    AppSettings current = settings.current();
    Path start = current.lastModelPath() != null ? current.lastModelPath().getParent() : modelDir;
    if (start != null && Files.isDirectory(start)) {
      chooser.setInitialDirectory(start.toFile());
    }
    File file = chooser.showOpenDialog(owner);
    if (file != null) {
      offerToLoad(file.toPath());
    }
  }

  /**
   * Shows what {@code model} is (read from its header, without loading it) and loads it when the
   * user chooses Load; a file that cannot be loaded says why and offers no Load, and one that only
   * a server can run (Qwen3) offers Connect… instead.
   */
  public void offerToLoad(Path model) {
    ModelCardDialog.show(
        window(), ModelCardViewModel.read(model), () -> load(model), connectAction);
  }

  /**
   * Lets a GGUF file dropped onto {@code target} (the window's root) show its card and load, as if
   * chosen with Load; other files are not accepted. Replaces any bar's drop handling there before.
   */
  public void acceptDroppedModels(Node target) {
    ModelDrop.install(target, () -> !router.loadingProperty().get(), this::offerToLoad);
  }

  /**
   * Opens the engine settings; they apply at the next load, and with a model file loaded the dialog
   * offers to load it again with them.
   */
  public void showEngineSettings(Window owner) {
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    new EngineSettingsDialog(new EngineSettingsViewModel(settings))
        .show(
            owner,
            loaded == null || loaded.file() == null ? null : loaded.file().getFileName().toString(),
            () -> {
              LocalRouter.Loaded now = router.loadedProperty().get();
              if (now != null && now.file() != null) {
                load(now.file());
              }
            });
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  /** Offers the model that loaded last, once it is unloaded: usually the one wanted again. */
  private void showLastModel() {
    Path last = settings.current().lastModelPath();
    again.setText(last == null ? "" : "Load " + last.getFileName() + " again");
    again.setOnAction(last == null ? null : e -> load(last));
  }

  private static String sentence(String text) {
    return text == null || text.isBlank()
        ? "it did not answer."
        : text.endsWith(".") ? text : text + ".";
  }

  private static boolean warned(LocalRouter router) {
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    return loaded != null && !loaded.warnings().isEmpty();
  }
}
