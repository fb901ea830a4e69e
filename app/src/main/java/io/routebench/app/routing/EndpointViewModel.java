package io.routebench.app.routing;

import io.routebench.app.settings.RouterEndpoint;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.TaskHandle;
import io.routebench.core.validation.SecretDetector;
import io.routebench.inference.remote.OpenAiEndpointRouteSelector;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.PlanoListenerSettings;
import io.routebench.inference.remote.PlanoRouteSelector;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Connect to a server": where the router is served (base URL, model, the name of the environment
 * variable holding the key), checked as it is typed; Test connection lists the server's models; an
 * Ollama running on this machine is found and offered.
 */
final class EndpointViewModel {

  /** What kind of server the address is. */
  enum ServerKind {
    /** Ollama, vLLM, llama-server or LM Studio serving the router model (OpenAI API). */
    ROUTER_MODEL_SERVER("Router model server (OpenAI API)"),
    /** A running plano, asked through its routing API: it decides itself. */
    PLANO("plano listener (routing API)");

    private final String label;

    ServerKind(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Where {@code planoai up} starts plano's model listener by default. */
  static final String DEFAULT_PLANO_ADDRESS = "http://localhost:12000";

  /** What Ollama calls Arch-Router when pulled from Hugging Face, as the CLI's default. */
  static final String DEFAULT_MODEL = "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M";

  private static final String VARIABLE_NAME = "[A-Za-z_][A-Za-z0-9_]*";

  private final TaskExecutor background;
  private final URI ollamaAddress;
  private final UnaryOperator<String> environment;
  private final ObjectProperty<ServerKind> kind =
      new SimpleObjectProperty<>(this, "kind", ServerKind.ROUTER_MODEL_SERVER);
  private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
  private final StringProperty model = new SimpleStringProperty(this, "model", "");
  private final StringProperty apiKeyVariable = new SimpleStringProperty(this, "apiKeyVariable");
  // An object property, so the dialog's spinner binds to it directly: a binding through
  // asObject() is held weakly and can be collected.
  private final ObjectProperty<Integer> parallelRequests =
      new SimpleObjectProperty<>(
          this, "parallelRequests", OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS);
  private final ObservableList<String> models = FXCollections.observableArrayList();
  private final StringProperty testResult = new SimpleStringProperty(this, "testResult", "");
  private final BooleanProperty testing = new SimpleBooleanProperty(this, "testing");
  private final ObjectProperty<List<String>> ollamaModels =
      new SimpleObjectProperty<>(this, "ollamaModels");
  private final StringBinding problem;
  private final ServerCheck serverCheck;
  private final StringProperty checkResult = new SimpleStringProperty(this, "checkResult", "");
  private final BooleanProperty checkMatched = new SimpleBooleanProperty(this, "checkMatched");
  private final BooleanProperty checking = new SimpleBooleanProperty(this, "checking");
  private TaskHandle test;
  private TaskHandle check;

  /**
   * @param remembered the server connected to last time, or {@code null}
   * @param environment reads an environment variable (to check that the key's variable is set)
   */
  EndpointViewModel(
      RouterEndpoint remembered,
      TaskExecutor background,
      URI ollamaAddress,
      UnaryOperator<String> environment) {
    this(remembered, background, ollamaAddress, environment, null);
  }

  /**
   * @param serverCheck "Check against my server", or {@code null} where there is none to offer
   */
  EndpointViewModel(
      RouterEndpoint remembered,
      TaskExecutor background,
      URI ollamaAddress,
      UnaryOperator<String> environment,
      ServerCheck serverCheck) {
    this.background = background;
    this.serverCheck = serverCheck;
    this.ollamaAddress = ollamaAddress;
    this.environment = environment;
    if (remembered != null) {
      kind.set(remembered.plano() ? ServerKind.PLANO : ServerKind.ROUTER_MODEL_SERVER);
      baseUrl.set(remembered.baseUrl());
      model.set(remembered.model().isBlank() ? DEFAULT_MODEL : remembered.model());
      apiKeyVariable.set(remembered.apiKeyEnvironmentVariable());
      parallelRequests.set(remembered.parallelRequests());
    } else {
      baseUrl.set(ollamaAddress.toString());
      model.set(DEFAULT_MODEL);
      apiKeyVariable.set("");
    }
    problem =
        Bindings.createStringBinding(
            () ->
                (kind.get() == ServerKind.PLANO
                        ? problemWithAddress(baseUrl.get())
                        : problemWith(baseUrl.get(), model.get(), apiKeyVariable.get()))
                    .orElse(""),
            kind,
            baseUrl,
            model,
            apiKeyVariable);
    // plano listens elsewhere than a model server: offer its address when the field holds none
    // or the other kind's default.
    kind.addListener(
        (obs, old, now) -> {
          String typed = baseUrl.get().strip();
          if (now == ServerKind.PLANO
              && (typed.isEmpty() || typed.equals(ollamaAddress.toString()))) {
            baseUrl.set(DEFAULT_PLANO_ADDRESS);
          } else if (now == ServerKind.ROUTER_MODEL_SERVER
              && (typed.isEmpty() || typed.equals(DEFAULT_PLANO_ADDRESS))) {
            baseUrl.set(ollamaAddress.toString());
          }
          models.clear();
          testResult.set("");
        });
  }

  /** A router model server, or a running plano. */
  ObjectProperty<ServerKind> kindProperty() {
    return kind;
  }

  StringProperty baseUrlProperty() {
    return baseUrl;
  }

  StringProperty modelProperty() {
    return model;
  }

  StringProperty apiKeyVariableProperty() {
    return apiKeyVariable;
  }

  /**
   * How many requests a suite run keeps in flight: as many as the server batches (vLLM batches
   * many, llama-server its {@code --parallel} slots, Ollama {@code OLLAMA_NUM_PARALLEL}).
   */
  ObjectProperty<Integer> parallelRequestsProperty() {
    return parallelRequests;
  }

  /** The models the server listed at the last Test connection (or Ollama's). */
  ObservableList<String> models() {
    return models;
  }

  /** What the last Test connection found, or why it failed. */
  StringProperty testResultProperty() {
    return testResult;
  }

  BooleanProperty testingProperty() {
    return testing;
  }

  /** The models of the Ollama found on this machine; {@code null} while none was found. */
  ObjectProperty<List<String>> ollamaModelsProperty() {
    return ollamaModels;
  }

  URI ollamaAddress() {
    return ollamaAddress;
  }

  /** Why the fields cannot be connected to, or {@code ""}. */
  StringBinding problemProperty() {
    return problem;
  }

  /** Asks Ollama, off the UI thread, whether it runs here; offers its models when it does. */
  void lookForOllama() {
    background.execute(
        BackgroundTask.of("Look for Ollama", progress -> OllamaProbe.models(ollamaAddress))
            .onSuccess(found -> found.ifPresent(ollamaModels::set)));
  }

  /** Points the fields at the Ollama found, keeping the model when Ollama has it. */
  void useOllama() {
    List<String> found = ollamaModels.get();
    if (found == null) {
      return;
    }
    baseUrl.set(ollamaAddress.toString());
    models.setAll(found);
    if (!EndpointConnector.serves(found, model.get().strip()) && !found.isEmpty()) {
      model.set(
          found.stream()
              .filter(name -> name.toLowerCase(Locale.ROOT).contains("arch-router"))
              .findFirst()
              .orElse(found.get(0)));
    }
    testResult.set("Ollama at " + ollamaAddress + ": " + count(found));
  }

  /** Lists the server's models ({@code GET /v1/models}) in the background. */
  void testConnection() {
    if (!problem.get().isEmpty() || testing.get()) {
      return;
    }
    if (kind.get() == ServerKind.PLANO) {
      testPlano();
      return;
    }
    OpenAiEndpointSettings endpoint = settings();
    testing.set(true);
    testResult.set("Asking " + endpoint.baseUrl() + " for its models…");
    test =
        background.execute(
            BackgroundTask.of(
                    "Test connection",
                    progress -> {
                      try (var selector = new OpenAiEndpointRouteSelector(endpoint)) {
                        return selector.listModels();
                      }
                    })
                .onSuccess(
                    served -> {
                      testing.set(false);
                      models.setAll(served);
                      testResult.set(
                          "Connected: "
                              + count(served)
                              + (served.isEmpty() || EndpointConnector.serves(served, model.get())
                                  ? ""
                                  : ". It does not serve '" + model.get() + "': choose one."));
                    })
                .onFailure(
                    failure -> {
                      testing.set(false);
                      testResult.set("Cannot connect: " + failure.getMessage());
                    })
                .onCancelled(() -> testing.set(false)));
  }

  /** Asks plano for the models it declares: it answers, and it is plano. */
  private void testPlano() {
    PlanoListenerSettings listener = planoSettings();
    testing.set(true);
    testResult.set("Asking plano at " + listener.baseUrl() + " for its models…");
    test =
        background.execute(
            BackgroundTask.of(
                    "Test connection",
                    progress -> {
                      try (var selector = new PlanoRouteSelector(listener)) {
                        return selector.connect();
                      }
                    })
                .onSuccess(
                    declared -> {
                      testing.set(false);
                      testResult.set(
                          "Connected to plano: it "
                              + PlanoConnector.declaredText(declared)
                              + ". Each decision is plano's own, with the workspace's routes.");
                    })
                .onFailure(
                    failure -> {
                      testing.set(false);
                      testResult.set("Cannot connect: " + failure.getMessage());
                    })
                .onCancelled(() -> testing.set(false)));
  }

  /** Gives up a Test connection or a check in progress (the dialog closed). */
  void cancelTest() {
    if (test != null) {
      test.cancel();
    }
    if (check != null) {
      check.cancel();
    }
  }

  boolean offersServerCheck() {
    return serverCheck != null;
  }

  /** The answer of the last "Check against my server", or why it could not be made. */
  StringProperty checkResultProperty() {
    return checkResult;
  }

  /** Whether the last check found the server rendering as the workspace says. */
  BooleanProperty checkMatchedProperty() {
    return checkMatched;
  }

  BooleanProperty checkingProperty() {
    return checking;
  }

  /**
   * Asks the server, in the background, how it renders the workspace's router prompt, and holds it
   * against RouteBench's text for the workspace's serving engine.
   */
  void checkServer() {
    if (serverCheck == null || !problem.get().isEmpty() || checking.get()) {
      return;
    }
    OpenAiEndpointSettings endpoint = settings();
    ServerCheck.Subject subject = serverCheck.subject();
    String asked = subject.wrapping().summary();
    checking.set(true);
    checkMatched.set(false);
    checkResult.set(
        "Asking " + endpoint.baseUrl() + " how it renders the prompt, as " + asked + " would…");
    check =
        background.execute(
            BackgroundTask.of("Check against my server", p -> serverCheck.run(subject, endpoint))
                .onSuccess(
                    result -> {
                      checking.set(false);
                      checkMatched.set(result.matches());
                      checkResult.set(
                          "The server "
                              + result.summary()
                              + (result.matches()
                                  ? ""
                                  : "\n(The workspace's serving engine is "
                                      + asked
                                      + "; change it in the Proxy tab.)"));
                    })
                .onFailure(
                    failure -> {
                      checking.set(false);
                      checkResult.set(
                          "Cannot check as " + asked + " would: " + failure.getMessage());
                    })
                .onCancelled(() -> checking.set(false)));
  }

  /** The router as typed; call only while {@link #problemProperty()} is empty. */
  RouterSource source() {
    return kind.get() == ServerKind.PLANO
        ? new RouterSource.Plano(planoSettings())
        : new RouterSource.Endpoint(settings());
  }

  PlanoListenerSettings planoSettings() {
    return new PlanoListenerSettings(baseUrl.get().strip())
        .withParallelRequests(parallelRequests.get());
  }

  /** The endpoint as typed; call only while {@link #problemProperty()} is empty. */
  OpenAiEndpointSettings settings() {
    return new OpenAiEndpointSettings(
            baseUrl.get().strip(), model.get().strip(), apiKeyVariable.get().strip())
        .withParallelRequests(parallelRequests.get());
  }

  private static String count(List<String> served) {
    return served.isEmpty()
        ? "it lists no models"
        : served.size() == 1
            ? "1 model, " + served.get(0)
            : served.size() + " models (" + String.join(", ", served) + ")";
  }

  Optional<String> problemWith(String base, String modelName, String variable) {
    Optional<String> address = problemWithAddress(base);
    if (address.isPresent()) {
      return address;
    }
    return problemWithModelAndKey(modelName, variable);
  }

  /** What is wrong with the base URL alone (all a plano listener needs), if anything. */
  Optional<String> problemWithAddress(String base) {
    String url = base == null ? "" : base.strip();
    if (url.isEmpty()) {
      return Optional.of(
          "Type the server's base URL, e.g. "
              + (kind.get() == ServerKind.PLANO
                  ? DEFAULT_PLANO_ADDRESS
                  : OllamaProbe.DEFAULT_ADDRESS.toString())
              + ".");
    }
    Optional<String> credential =
        SecretDetector.find(url)
            .or(
                () ->
                    url.matches("(?i)[a-z][a-z0-9+.-]*://[^/@]*@.*")
                        ? Optional.of("a user name")
                        : Optional.empty());
    if (credential.isPresent()) {
      return Optional.of(
          "The URL holds a credential ("
              + credential.get()
              + "): it is not used or stored. Put the key in an environment variable and type"
              + " the variable's name below.");
    }
    if (!url.toLowerCase(Locale.ROOT).matches("https?://[^/?#\\s]+.*")) {
      return Optional.of("The base URL must start with http:// or https:// and name a host.");
    }
    if (url.contains("?") || url.contains("#")) {
      return Optional.of("The base URL must not carry a query (?…) or fragment (#…).");
    }
    return Optional.empty();
  }

  private Optional<String> problemWithModelAndKey(String modelName, String variable) {
    if (modelName == null || modelName.isBlank()) {
      return Optional.of("Choose or type the name the server serves the router model as.");
    }
    String name = variable == null ? "" : variable.strip();
    if (name.startsWith("$")) {
      name = name.substring(1);
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (!name.matches(VARIABLE_NAME) || SecretDetector.find(name).isPresent()) {
      return Optional.of(
          "Type the NAME of the environment variable that holds the API key (e.g."
              + " OPENAI_API_KEY), not the key itself: RouteBench never stores keys.");
    }
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      return Optional.of(
          "The environment variable "
              + name
              + " is not set for RouteBench; set it and start RouteBench again, or leave the"
              + " field empty for a server without a key.");
    }
    return Optional.empty();
  }
}
