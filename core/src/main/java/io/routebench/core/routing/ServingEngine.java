package io.routebench.core.routing;

/**
 * The server that runs the router model in production, which decides the text the model reads: the
 * proxy sends one {@code user} message, and the serving engine wraps it in a chat template of its
 * choosing. Two texts occur for Arch-Router (Qwen2.5, ChatML): A, the message alone in ChatML, and
 * B, the same after Qwen's default system turn, which Qwen's Jinja template inserts when no system
 * message is given.
 */
public enum ServingEngine {

  /**
   * Ollama with the Go template the Hugging Face hub maps the GGUF's chat template to for {@code
   * hf.co/...} pulls (huggingface.js {@code ollama-utils} chat-template automap): for Qwen2.5 that
   * template writes a system turn only when a system message is set, so Arch-Router reads A.
   */
  OLLAMA(
      "ollama",
      "Ollama",
      "Ollama's Go template for the model: for Arch-Router (ChatML) the message alone, with no"
          + " system turn unless a system message is set (text A)"),

  /** vLLM renders the model's own Jinja template (its tokenizer's), so Arch-Router reads B. */
  VLLM(
      "vllm",
      "vLLM",
      "the model's own Jinja template, as vLLM renders it: for Arch-Router, Qwen's default system"
          + " turn comes first (text B)"),

  /**
   * llama-server with {@code --jinja} (the default in recent builds) renders the GGUF's template.
   */
  LLAMA_SERVER(
      "llama-server",
      "llama-server (--jinja)",
      "the GGUF's Jinja template, as llama-server --jinja renders it (the default in recent"
          + " builds): for Arch-Router, Qwen's default system turn comes first (text B)"),

  /**
   * llama-server without {@code --jinja}: llama.cpp's built-in format for the template it detects
   * ({@code llama_chat_apply_template}); for a ChatML template that is the message alone (A).
   */
  LLAMA_SERVER_NO_JINJA(
      "llama-server-no-jinja",
      "llama-server without --jinja",
      "llama.cpp's built-in format for the model's template (llama-server without --jinja): for"
          + " Arch-Router plain ChatML, with no system turn unless a system message is set (text"
          + " A)");

  /**
   * Why {@link #OLLAMA} is the default, with the sources, for the UI and the README: both proxies
   * document the self-hosted router as Ollama serving Arch-Router's GGUF.
   */
  public static final String DEFAULT_REASON =
      "Ollama is the default because archgw's and plano's docs set up the self-hosted router as"
          + " Ollama serving hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M, and for such a pull the"
          + " Hugging Face hub gives Ollama a Go template that adds no system turn (huggingface.js"
          + " ollama-utils, chat-template automap entry library/qwen2.5-coder:1.5b).";

  private final String id;
  private final String label;
  private final String wrapping;

  ServingEngine(String id, String label, String wrapping) {
    this.id = id;
    this.label = label;
    this.wrapping = wrapping;
  }

  /** The spelling on the command line ({@code --served-by}), in files and in reports. */
  public String id() {
    return id;
  }

  /** The name shown in the workbench. */
  public String label() {
    return label;
  }

  /** How this engine wraps the proxy's message, in words. */
  public String wrapping() {
    return wrapping;
  }

  /**
   * Whether the engine renders Jinja chat templates, and so can be given a template of the user's
   * own ({@code vllm --chat-template}, {@code llama-server --jinja --chat-template-file}).
   */
  public boolean rendersJinja() {
    return switch (this) {
      case VLLM, LLAMA_SERVER -> true;
      case OLLAMA, LLAMA_SERVER_NO_JINJA -> false;
    };
  }

  public static ServingEngine fromId(String id) {
    for (ServingEngine engine : values()) {
      if (engine.id.equals(id)) {
        return engine;
      }
    }
    throw new IllegalArgumentException(
        "unknown serving engine '" + id + "' (expected " + ids() + ")");
  }

  /** Every id, e.g. for a usage message: {@code ollama, vllm, llama-server, ...}. */
  public static String ids() {
    var ids = new StringBuilder();
    for (ServingEngine engine : values()) {
      ids.append(ids.isEmpty() ? "" : ", ").append(engine.id);
    }
    return ids.toString();
  }

  @Override
  public String toString() {
    return id;
  }
}
