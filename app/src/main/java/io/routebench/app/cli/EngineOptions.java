package io.routebench.app.cli;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.validation.SecretDetector;
import io.routebench.inference.llama.LlamaEngineLoader;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Which router answers: a local GGUF model through llama.cpp, or a remote endpoint. */
final class EngineOptions {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Choice choice;

  static final class Choice {
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
  }

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
      description = "endpoint request timeout (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "requests an endpoint works on at once in a test run; match the server's slots (vLLM"
              + " batches many, llama-server --parallel, Ollama OLLAMA_NUM_PARALLEL; default: 8)."
              + " A local --model answers one at a time")
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

  RouteSelector open(PrintWriter warnings, PromptProfile profile) {
    if (choice.model != null) {
      if (!Files.exists(choice.model)) {
        throw CliFailure.usage("Model file not found: " + choice.model);
      }
      if (parallel != null && parallel > 1) {
        warnings.println(
            "warning: --parallel applies to --endpoint; a local model answers one turn at a time");
      }
      return LlamaEngineLoader.load(
          choice.model, settings(), w -> warnings.println("warning: " + w));
    }
    int requests = parallel == null ? OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS : parallel;
    if (requests < 1 || requests > OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS) {
      throw new CliFailure(
          "--parallel takes 1 to "
              + OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS
              + ", not "
              + requests,
          ExitStatus.USAGE);
    }
    return RemoteEngines.open(
        choice.endpoint, endpointModel, apiKeyEnv, timeoutSeconds, requests, profile);
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
