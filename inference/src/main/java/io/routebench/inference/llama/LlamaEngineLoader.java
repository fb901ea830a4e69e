package io.routebench.inference.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.routing.ServingEngine;
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
   * Loads the model into this process, wrapping prompts as {@link PromptWrapping#DEFAULT} (Ollama,
   * the proxies' documented setup). An assertion or crash inside llama.cpp ends the process, so a
   * user's file is loaded through {@link FirstLoadCheck#load} (a separate process first); this is
   * for files RouteBench wrote itself (tests, the benchmark model).
   *
   * @param warnings receives user-facing warnings (e.g. the ChatML fallback)
   * @throws RoutingException with a message naming the file and the problem
   */
  public static LlamaRouteSelector load(
      Path modelFile, LlamaEngineSettings settings, Consumer<String> warnings) {
    return load(modelFile, settings, PromptWrapping.DEFAULT, warnings);
  }

  /**
   * Loads the model into this process wrapping prompts as the user's serving engine does ({@link
   * PromptWrappers}); as {@link #load(Path, LlamaEngineSettings, Consumer)}, for files known to be
   * harmless.
   *
   * @throws RoutingException with a message naming the file and the problem, or the custom chat
   *     template that cannot be used
   */
  public static LlamaRouteSelector load(
      Path modelFile,
      LlamaEngineSettings settings,
      PromptWrapping wrapping,
      Consumer<String> warnings) {
    return load(modelFile, settings, wrapping, warnings, null);
  }

  /**
   * @param knownSha256 the file's SHA-256 when the caller has just computed it (a large model takes
   *     seconds to hash), or {@code null}
   */
  static LlamaRouteSelector load(
      Path modelFile,
      LlamaEngineSettings settings,
      PromptWrapping wrapping,
      Consumer<String> warnings,
      String knownSha256) {
    GgufModelInfo info = inspect(modelFile);
    String architecture = info.architecture();
    if (!canRun(architecture)) {
      throw new RoutingException(cannotRunMessage(modelFile, architecture));
    }
    PromptWrappers.requireUsableCustomTemplate(wrapping);
    LlamaModel model = loadModel(modelFile, info, settings, wrapping, false);
    String name = modelFile.getFileName().toString();
    PromptWrappers.Wrapped wrapped;
    try {
      wrapped = PromptWrappers.wrap(name, info, wrapping, model, warnings);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    String sha256 = knownSha256 != null ? knownSha256 : sha256(modelFile);
    Map<String, String> description = describe(settings, wrapped.how());
    var recorded = wrapping.recorded();
    return new LlamaRouteSelector(
        model,
        wrapped.wrapper(),
        settings,
        profile ->
            new EngineIdentity("llama.cpp", name, sha256, profile, description)
                .withWrapping(recorded));
  }

  /**
   * Loads the model into llama.cpp, with Jinja on unless the wrapping asks for llama.cpp's built-in
   * formats, and with the user's own template or, in place of a template {@link ChatTemplateScreen}
   * refuses, ChatML: llama.cpp parses and test-renders the template while loading.
   */
  /**
   * @param nativeLogOnStderr leave llama.cpp's own log on standard error, as the separate process
   *     of a first load does: its reasons for refusing a file are only said there
   */
  static LlamaModel loadModel(
      Path modelFile,
      GgufModelInfo info,
      LlamaEngineSettings settings,
      PromptWrapping wrapping,
      boolean nativeLogOnStderr) {
    loadNativeLibraryQuietly();
    if (!nativeLogOnStderr) {
      routeNativeLogsToJavaLogging();
    }
    ModelParameters parameters =
        parametersFor(
            modelFile, settings, 1, PromptWrappers.needsJinja(wrapping), !nativeLogOnStderr);
    PromptWrappers.templateOverride(info, wrapping).ifPresent(parameters::setChatTemplate);
    try {
      return new LlamaModel(parameters);
    } catch (RuntimeException e) {
      throw new RoutingException(
          "llama.cpp could not load " + modelFile.getFileName() + ": " + e.getMessage(), e);
    }
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
    String name = modelFile.getFileName().toString();
    PromptWrapping jinja = PromptWrapping.of(ServingEngine.LLAMA_SERVER);
    if (info.chatTemplate().isEmpty()
        || info.chatTemplate().flatMap(ChatTemplateScreen::refusal).isPresent()) {
      PromptWrappers.wrap(name, info, jinja, null, problems::add);
      return problems.stream().findFirst();
    }
    var settings = LlamaEngineSettings.defaults().withContextSize(512);
    try (LlamaModel model = loadModel(modelFile, info, settings, jinja, false)) {
      PromptWrappers.wrap(name, info, jinja, model, problems::add);
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

  /**
   * @param jinja whether llama.cpp renders chat templates with Jinja ({@code --jinja}) or with its
   *     built-in formats
   */
  static ModelParameters parametersFor(
      Path modelFile, LlamaEngineSettings settings, int slots, boolean jinja) {
    return parametersFor(modelFile, settings, slots, jinja, true);
  }

  /**
   * @param quiet turn off llama.cpp's own per-request log, which goes past the logger
   */
  private static ModelParameters parametersFor(
      Path modelFile, LlamaEngineSettings settings, int slots, boolean jinja, boolean quiet) {
    var parameters = new ModelParameters();
    if (jinja) {
      parameters.enableJinja();
    }
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
        .setParallel(slots);
    // The server's own per-request log goes straight to stderr, past setLogger.
    return quiet ? parameters.disableLog() : parameters;
  }

  private static Map<String, String> describe(LlamaEngineSettings settings, String wrapping) {
    var described = new LinkedHashMap<String, String>();
    described.put("threads", Integer.toString(settings.threads()));
    described.put("context", Integer.toString(settings.contextSize()));
    described.put("batch", Integer.toString(settings.batchSize()));
    described.put(
        "gpuLayers",
        settings.gpuLayers() == LlamaEngineSettings.AUTO_GPU_LAYERS
            ? "auto"
            : Integer.toString(settings.gpuLayers()));
    described.put("chatTemplate", wrapping);
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
