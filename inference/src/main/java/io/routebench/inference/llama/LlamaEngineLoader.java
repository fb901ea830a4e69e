package io.routebench.inference.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.gguf.GgufFormatException;
import io.routebench.inference.gguf.GgufMetadataReader;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.gguf.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Loads a GGUF router model into llama.cpp, checking everything that can be checked first so that a
 * bad file yields a clear message instead of a native failure.
 */
public final class LlamaEngineLoader {

  /**
   * Architectures of chat models that llama.cpp b4916 runs: its LLM_ARCH names (read from the
   * binding's native library), less encoders, embedding and speech models. Qwen3 is not among them:
   * llama.cpp gained it in April 2025, after b4916.
   */
  private static final Set<String> KNOWN_ARCHITECTURES =
      Set.of(
          "llama",
          "deci",
          "falcon",
          "grok",
          "gpt2",
          "gptj",
          "gptneox",
          "mpt",
          "baichuan",
          "starcoder",
          "refact",
          "bloom",
          "stablelm",
          "qwen",
          "qwen2",
          "qwen2moe",
          "phi2",
          "phi3",
          "phimoe",
          "plamo",
          "codeshell",
          "orion",
          "internlm2",
          "minicpm",
          "minicpm3",
          "gemma",
          "gemma2",
          "gemma3",
          "starcoder2",
          "xverse",
          "command-r",
          "cohere2",
          "dbrx",
          "olmo",
          "olmo2",
          "olmoe",
          "openelm",
          "arctic",
          "deepseek",
          "deepseek2",
          "chatglm",
          "jais",
          "nemotron",
          "exaone",
          "granite",
          "granitemoe");

  /** Qwen3 architectures, which plano's default router (Plano-Orchestrator) uses. */
  private static final Set<String> QWEN3_ARCHITECTURES = Set.of("qwen3", "qwen3moe");

  /** The llama.cpp build the binding carries, as engines and checked-file records name it. */
  public static final String BINDING = "de.kherud:llama 4.2.0 (llama.cpp b4916)";

  private static final System.Logger LOG = System.getLogger("io.routebench.llama");

  private static boolean nativeLibraryLoaded;

  private LlamaEngineLoader() {}

  /**
   * Loads the model into this process. An assertion or crash inside llama.cpp ends the process, so
   * a user's file is loaded through {@link FirstLoadCheck#load} (a separate process first); this is
   * for files RouteBench wrote itself (tests, the benchmark model).
   *
   * @param warnings receives user-facing warnings (e.g. the ChatML fallback)
   * @throws RoutingException with a message naming the file and the problem
   */
  public static LlamaRouteSelector load(
      Path modelFile, LlamaEngineSettings settings, Consumer<String> warnings) {
    return load(modelFile, settings, warnings, null);
  }

  /**
   * @param knownSha256 the file's SHA-256 when the caller has just computed it (a large model takes
   *     seconds to hash), or {@code null}
   */
  static LlamaRouteSelector load(
      Path modelFile, LlamaEngineSettings settings, Consumer<String> warnings, String knownSha256) {
    GgufModelInfo info = inspect(modelFile);
    String architecture = info.architecture();
    if (!canRun(architecture)) {
      throw new RoutingException(cannotRunMessage(modelFile, architecture));
    }
    LlamaModel model = loadModel(modelFile, info, settings);
    ChatWrapper wrapper = chatWrapper(modelFile, info, model, warnings);
    String name = modelFile.getFileName().toString();
    String sha256 = knownSha256 != null ? knownSha256 : sha256(modelFile);
    Map<String, String> description = describe(settings, wrapper);
    return new LlamaRouteSelector(
        model,
        wrapper,
        settings,
        profile -> new EngineIdentity("llama.cpp", name, sha256, profile, description));
  }

  /**
   * Loads the model into llama.cpp; a chat template {@link ChatTemplateScreen} refuses is replaced
   * by ChatML before llama.cpp parses it, because llama.cpp renders the template while loading.
   */
  static LlamaModel loadModel(Path modelFile, GgufModelInfo info, LlamaEngineSettings settings) {
    return loadModel(modelFile, info, settings, false);
  }

  /**
   * @param nativeLogOnStderr leave llama.cpp's own log on standard error, as the separate process
   *     of a first load does: its reasons for refusing a file are only said there
   */
  static LlamaModel loadModel(
      Path modelFile, GgufModelInfo info, LlamaEngineSettings settings, boolean nativeLogOnStderr) {
    loadNativeLibraryQuietly();
    ModelParameters parameters;
    if (nativeLogOnStderr) {
      parameters = parametersFor(modelFile, settings, 1, false);
    } else {
      routeNativeLogsToJavaLogging();
      parameters = parametersFor(modelFile, settings);
    }
    if (info.chatTemplate().flatMap(ChatTemplateScreen::refusal).isPresent()) {
      parameters.setChatTemplate(ChatWrapper.CHATML_JINJA);
    }
    try {
      return new LlamaModel(parameters);
    } catch (RuntimeException e) {
      throw new RoutingException(
          "llama.cpp could not load " + modelFile.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * How prompts are wrapped, telling {@code warnings} loudly whenever it is not the model's way.
   */
  static ChatWrapper chatWrapper(
      Path modelFile, GgufModelInfo info, LlamaModel model, Consumer<String> warnings) {
    String name = modelFile.getFileName().toString();
    if (info.chatTemplate().isEmpty()) {
      warnings.accept(
          name
              + " has no chat template; using ChatML. Production applies the model's template, so"
              + " decisions may differ.");
      return ChatWrapper.CHATML_FALLBACK;
    }
    String template = info.chatTemplate().get();
    Optional<String> refusal = ChatTemplateScreen.refusal(template);
    if (refusal.isPresent()) {
      warnings.accept(notUsed(name, "RouteBench refused to render it: " + refusal.get()));
      return ChatWrapper.CHATML_FALLBACK;
    }
    return ChatWrapper.fromModelTemplate(
        model, template, problem -> warnings.accept(notUsed(name, problem)));
  }

  private static String notUsed(String modelName, String why) {
    return "CHAT TEMPLATE NOT USED: "
        + modelName
        + "'s chat template was not applied because "
        + why
        + ". Prompts are wrapped in plain ChatML instead, so they differ from what production"
        + " sends and decisions may differ.";
  }

  /**
   * Whether the model's chat template wraps prompts as production does; loads the model briefly (a
   * small context, no GPU layers) to let llama.cpp render it, unless the template is absent or
   * refused before loading.
   *
   * <p>In this process, so for files known to be harmless only (tests); users' files go through
   * {@link FirstLoadCheck}, which reports the same warnings.
   *
   * @return the warning {@link #load} would give, or empty when the template is used
   */
  static Optional<String> chatTemplateProblem(Path modelFile) {
    GgufModelInfo info = inspect(modelFile);
    var problems = new java.util.ArrayList<String>();
    if (info.chatTemplate().isEmpty()
        || info.chatTemplate().flatMap(ChatTemplateScreen::refusal).isPresent()) {
      chatWrapper(modelFile, info, null, problems::add);
      return problems.stream().findFirst();
    }
    var settings = LlamaEngineSettings.defaults().withContextSize(512);
    try (LlamaModel model = loadModel(modelFile, info, settings)) {
      chatWrapper(modelFile, info, model, problems::add);
    }
    return problems.stream().findFirst();
  }

  /**
   * Whether this llama.cpp build runs models of {@code architecture} ({@code
   * general.architecture}).
   */
  public static boolean canRun(String architecture) {
    return KNOWN_ARCHITECTURES.contains(architecture);
  }

  /**
   * Whether {@code architecture} is Qwen3's, the base of plano's default router
   * (Plano-Orchestrator): a model a server can run for RouteBench although this build cannot.
   */
  public static boolean isQwen3(String architecture) {
    return QWEN3_ARCHITECTURES.contains(architecture);
  }

  /** What to tell the user about a model {@link #canRun} refuses. */
  public static String cannotRunMessage(Path modelFile, String architecture) {
    if (isQwen3(architecture)) {
      return modelFile.getFileName()
          + " is a Qwen3 model (architecture '"
          + architecture
          + "'), which this llama.cpp build ("
          + BINDING
          + ") predates and cannot run. plano's default router, Plano-Orchestrator, is"
          + " Qwen3-based: serve the model with Ollama, vLLM or a recent llama-server and use"
          + " it through Connect… (CLI: --endpoint URL).";
    }
    return modelFile.getFileName()
        + " has architecture '"
        + architecture
        + "', which this llama.cpp build cannot run. Arch-Router is a qwen2 model.";
  }

  /** Reads the model's metadata without loading it, turning format problems into clear errors. */
  public static GgufModelInfo inspect(Path modelFile) {
    if (!Files.exists(modelFile)) {
      throw new RoutingException("Model file not found: " + modelFile);
    }
    if (!Files.isRegularFile(modelFile) || !Files.isReadable(modelFile)) {
      throw new RoutingException("Model file is not a readable file: " + modelFile);
    }
    try {
      return GgufMetadataReader.read(modelFile);
    } catch (GgufFormatException e) {
      throw new RoutingException(e.getMessage(), e);
    }
  }

  static ModelParameters parametersFor(Path modelFile, LlamaEngineSettings settings) {
    return parametersFor(modelFile, settings, 1);
  }

  /**
   * @param slots llama.cpp's parallel slots; RouteBench uses one (the bench module's {@code
   *     ParallelSlotsBenchmark} shows why), each slot gets {@code contextSize / slots} tokens
   */
  static ModelParameters parametersFor(Path modelFile, LlamaEngineSettings settings, int slots) {
    return parametersFor(modelFile, settings, slots, true);
  }

  private static ModelParameters parametersFor(
      Path modelFile, LlamaEngineSettings settings, int slots, boolean quiet) {
    var parameters = new ModelParameters();
    if (settings.gpuLayers() != LlamaEngineSettings.AUTO_GPU_LAYERS) {
      parameters.setGpuLayers(settings.gpuLayers());
    }
    parameters
        .setModel(modelFile.toString())
        .setCtxSize(settings.contextSize())
        .setBatchSize(settings.batchSize())
        .setUbatchSize(settings.batchSize())
        .setThreads(settings.threads())
        .setThreadsBatch(settings.threads())
        .setParallel(slots)
        .enableJinja();
    // The server's own per-request log goes straight to stderr, past setLogger.
    return quiet ? parameters.disableLog() : parameters;
  }

  private static Map<String, String> describe(LlamaEngineSettings settings, ChatWrapper wrapper) {
    var described = new LinkedHashMap<String, String>();
    described.put("threads", Integer.toString(settings.threads()));
    described.put("context", Integer.toString(settings.contextSize()));
    described.put("batch", Integer.toString(settings.batchSize()));
    described.put(
        "gpuLayers",
        settings.gpuLayers() == LlamaEngineSettings.AUTO_GPU_LAYERS
            ? "auto"
            : Integer.toString(settings.gpuLayers()));
    described.put("chatTemplate", wrapper.fallback() ? "chatml-fallback" : "model");
    described.put("binding", BINDING);
    return described;
  }

  private static String sha256(Path modelFile) {
    try {
      return Sha256.of(modelFile);
    } catch (IOException e) {
      throw new RoutingException("Cannot read model file " + modelFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads the binding's native library with standard output diverted to the log: the binding
   * announces where it extracted the library on stdout, which would corrupt the CLI's {@code
   * --json} output. Done once per process, before anything touches {@link LlamaModel}.
   */
  private static synchronized void loadNativeLibraryQuietly() {
    if (nativeLibraryLoaded) {
      return;
    }
    PrintStream stdout = System.out;
    var captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Class.forName(LlamaModel.class.getName(), true, LlamaEngineLoader.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the llama.cpp binding is not on the class path", e);
    } finally {
      System.setOut(stdout);
    }
    captured.toString(StandardCharsets.UTF_8).lines().forEach(line -> LOG.log(Level.DEBUG, line));
    nativeLibraryLoaded = true;
  }

  private static void routeNativeLogsToJavaLogging() {
    // llama.cpp logs every load and request to stderr, which would drown the CLI's output.
    LlamaModel.setLogger(
        LogFormat.TEXT,
        (level, message) ->
            LOG.log(
                switch (level) {
                  case ERROR -> Level.ERROR;
                  case WARN -> Level.WARNING;
                  case INFO -> Level.DEBUG;
                  case DEBUG -> Level.TRACE;
                },
                message.strip()));
  }
}
