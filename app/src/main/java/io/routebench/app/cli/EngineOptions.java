package io.routebench.app.cli;

import io.routebench.app.settings.AppPaths;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.ServerWrappedSelector;
import io.routebench.core.validation.SecretDetector;
import io.routebench.inference.llama.FirstLoadCheck;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Which router answers: a local GGUF model through llama.cpp, a remote endpoint serving the router
 * model, or a running plano deciding itself. One of them for most commands; {@code parity} takes
 * plano and one of the other two.
 */
final class EngineOptions {

  @Option(
      names = "--model",
      paramLabel = "FILE.gguf",
      description = "a local Arch-Router GGUF (llama.cpp)")
  Path model;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      converter = CredentialFreeUrl.class,
      description =
          "an OpenAI-compatible server (Ollama, vLLM, llama-server), e.g. http://localhost:11434")
  String endpoint;

  /** How the serving engine wraps the prompt: a local model wraps so, a server is recorded so. */
  @Mixin WrappingOptions wrapping;

  @Option(
      names = "--plano",
      paramLabel = "URL",
      converter = CredentialFreeUrl.class,
      description =
          "a running plano listener, e.g. http://localhost:12000: plano decides each turn through"
              + " its routing API (/routing/v1/chat/completions) with the workspace's routes")
  String plano;

  /**
   * Refuses a URL holding a credential while the command line is parsed, before the command runs,
   * so the URL cannot reach a run row, a report or the output; the message names the kind of
   * credential only.
   */
  static final class CredentialFreeUrl implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      SecretDetector.find(value)
          .or(
              () ->
                  value.matches("(?i)[a-z][a-z0-9+.-]*://[^/@]*@.*")
                      ? Optional.of("a user name (user@host)")
                      : Optional.empty())
          .ifPresent(
              kind -> {
                throw new TypeConversionException(
                    "the URL holds a credential ("
                        + kind
                        + "); it is not used, stored or shown. Pass the key with --api-key-env"
                        + " NAME, the name of an environment variable holding it");
              });
      return value;
    }
  }

  @Option(
      names = "--endpoint-model",
      paramLabel = "NAME",
      defaultValue = "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M",
      description = "model name the endpoint serves (default: ${DEFAULT-VALUE})")
  String endpointModel;

  @Option(
      names = "--api-key-env",
      paramLabel = "VAR",
      description = "environment variable holding the endpoint's API key")
  String apiKeyEnv;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "seconds an endpoint or plano has to answer, its whole answer included (default:"
              + " ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "requests an endpoint or plano works on at once in a test run; match the server's"
              + " slots (vLLM batches many, llama-server --parallel, Ollama OLLAMA_NUM_PARALLEL;"
              + " default: 8). A local --model answers one at a time")
  Integer parallel;

  @Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: all cores)")
  Integer threads;

  @Option(names = "--context", paramLabel = "TOKENS", description = "context size (default: 8192)")
  Integer contextSize;

  @Option(
      names = "--batch",
      paramLabel = "TOKENS",
      description = "llama.cpp batch size (default: 512)")
  Integer batchSize;

  @Option(
      names = "--gpu-layers",
      paramLabel = "N",
      description =
          "layers to offload when llama.cpp has a GPU backend; 0 = CPU only (default: llama.cpp's"
              + " own default for its build)")
  Integer gpuLayers;

  /**
   * The one router named: {@code --model}, {@code --endpoint} or {@code --plano}. A local model
   * wraps the prompt as {@code workspaceWrapping} (with the wrapping options applied) says, a
   * server wraps it itself and is recorded as doing so; plano decides with its own router.
   */
  RouteSelector open(
      PrintWriter warnings, PromptProfile profile, PromptWrapping workspaceWrapping) {
    int named = (model != null ? 1 : 0) + (endpoint != null ? 1 : 0) + (plano != null ? 1 : 0);
    if (named != 1) {
      throw new CliFailure(
          named == 0
              ? "name the router: --model FILE.gguf, --endpoint URL or --plano URL"
              : "--model, --endpoint and --plano name the router: give one of them, not " + named,
          ExitStatus.USAGE);
    }
    return plano != null
        ? openPlano(warnings, profile)
        : openRouterModel(warnings, workspaceWrapping);
  }

  /**
   * For a parity run: plano ({@code --plano}) and the router model it is compared with ({@code
   * --model} or {@code --endpoint}).
   */
  void requireParityPair() {
    if (plano == null) {
      throw CliFailure.usage("a parity run needs --plano URL: the plano to compare with");
    }
    if ((model == null) == (endpoint == null)) {
      throw CliFailure.usage(
          "a parity run compares plano with one router model: give --model FILE.gguf or"
              + " --endpoint URL");
    }
  }

  /** The router model named by {@code --model} or {@code --endpoint}. */
  RouteSelector openRouterModel(PrintWriter warnings, PromptWrapping workspaceWrapping) {
    PromptWrapping chosen = wrapping.resolve(workspaceWrapping);
    if (model != null) {
      if (!Files.exists(model)) {
        throw CliFailure.usage("Model file not found: " + model);
      }
      if (parallel != null && parallel > 1) {
        warnings.println(
            "warning: --parallel applies to --endpoint and --plano; a local model answers one"
                + " turn at a time");
      }
      // A file loaded for the first time is loaded in a separate process first, as in the
      // workbench: a crash there is a message here, not the end of a test run.
      return FirstLoadCheck.recordingIn(AppPaths.fromSystem().checkedModelsFile())
          .load(model, settings(), chosen, w -> warnings.println("warning: " + w));
    }
    return new ServerWrappedSelector(
        RemoteEngines.open(endpoint, endpointModel, apiKeyEnv, timeoutSeconds, parallelRequests()),
        chosen);
  }

  /** plano named by {@code --plano}, connected (its declared models known). */
  RouteSelector openPlano(PrintWriter warnings, PromptProfile profile) {
    if (profile != PromptProfile.PLANO_V1) {
      warnings.println(
          "warning: plano words the router prompt itself (plano-v1); the workspace's profile "
              + profile.id()
              + " is recorded with the run but does not change plano's decisions");
    }
    return RemoteEngines.openPlano(plano, timeoutSeconds, parallelRequests());
  }

  private int parallelRequests() {
    int requests = parallel == null ? OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS : parallel;
    if (requests < 1 || requests > OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS) {
      throw new CliFailure(
          "--parallel takes 1 to "
              + OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS
              + ", not "
              + requests,
          ExitStatus.USAGE);
    }
    return requests;
  }

  LlamaEngineSettings settings() {
    LlamaEngineSettings settings = LlamaEngineSettings.defaults();
    if (threads != null) {
      settings = settings.withThreads(threads);
    }
    if (contextSize != null) {
      settings = settings.withContextSize(contextSize);
    }
    if (batchSize != null) {
      settings = settings.withBatchSize(batchSize);
    }
    if (gpuLayers != null) {
      settings = settings.withGpuLayers(gpuLayers);
    }
    return settings;
  }
}
