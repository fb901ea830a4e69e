package io.routebench.app.routing;

import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.PlanoListenerSettings;
import java.nio.file.Path;

/**
 * Where the router's answers come from: a local model file, a server that hosts the router model,
 * or a running plano that decides itself.
 */
public sealed interface RouterSource {

  /** A few words for the status bar, e.g. {@code llama.cpp · arch-router.gguf}. */
  String statusLabel();

  /** What the status bar says while this router is being loaded or connected to. */
  String loadingLabel();

  /** A GGUF file run in this process by llama.cpp. */
  record ModelFile(Path file) implements RouterSource {
    @Override
    public String statusLabel() {
      return "llama.cpp · " + file.getFileName();
    }

    @Override
    public String loadingLabel() {
      return "llama.cpp · loading " + file.getFileName() + "…";
    }
  }

  /** An OpenAI-compatible server (Ollama, vLLM, llama-server) that serves the router model. */
  record Endpoint(OpenAiEndpointSettings settings) implements RouterSource {
    @Override
    public String statusLabel() {
      return "endpoint · " + settings.model();
    }

    @Override
    public String loadingLabel() {
      return "endpoint · connecting to " + settings.baseUrl() + "…";
    }
  }

  /**
   * A running plano, asked through its routing API: it words the prompt, asks its own router model
   * and reads the answer, so each decision is production's.
   */
  record Plano(PlanoListenerSettings settings) implements RouterSource {
    @Override
    public String statusLabel() {
      return "plano · " + settings.baseUrl();
    }

    @Override
    public String loadingLabel() {
      return "plano · connecting to " + settings.baseUrl() + "…";
    }
  }
}
