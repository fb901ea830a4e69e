package io.routebench.app.routing;

import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.nio.file.Path;

/** Where the router's answers come from: a local model file, or a server that hosts the router. */
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
}
