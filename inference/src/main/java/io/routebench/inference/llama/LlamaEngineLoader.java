package io.routebench.inference.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
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

  /** Architectures llama.cpp b4916 runs that router-sized chat models use. */
  private static final Set<String> KNOWN_ARCHITECTURES =
      Set.of(
          "qwen2",
          "qwen2moe",
          "qwen3",
          "qwen3moe",
          "llama",
          "mistral",
          "gemma",
          "gemma2",
          "gemma3",
          "phi2",
          "phi3",
          "granite",
          "olmo",
          "olmo2",
          "stablelm",
          "starcoder2",
          "deepseek",
          "deepseek2",
          "command-r",
          "cohere2",
          "internlm2",
          "minicpm",
          "minicpm3",
          "exaone",
          "falcon",
          "gpt2",
          "bloom",
          "mpt",
          "baichuan",
          "orion",
          "chatglm",
          "nemotron");

  private static final System.Logger LOG = System.getLogger("io.routebench.llama");

  private static boolean nativeLibraryLoaded;

  private LlamaEngineLoader() {}

  /**
   * Loads the model wrapping prompts as {@link PromptWrapping#DEFAULT} (Ollama, the proxies'
   * documented setup).
   *
   * @param warnings receives user-facing warnings (e.g. the ChatML fallback)
   * @throws RoutingException with a message naming the file and the problem
   */
  public static LlamaRouteSelector load(
      Path modelFile, LlamaEngineSettings settings, Consumer<String> warnings) {
    return load(modelFile, settings, PromptWrapping.DEFAULT, warnings);
  }

  /**
   * Loads the model wrapping prompts as the user's serving engine does ({@link PromptWrappers}).
   *
   * @param warnings receives user-facing warnings (e.g. the ChatML fallback)
   * @throws RoutingException with a message naming the file and the problem, or the custom chat
   *     template that cannot be used
   */
  public static LlamaRouteSelector load(
      Path modelFile,
      LlamaEngineSettings settings,
      PromptWrapping wrapping,
      Consumer<String> warnings) {
    GgufModelInfo info = inspect(modelFile);
    String architecture = info.architecture();
    if (!canRun(architecture)) {
      throw new RoutingException(cannotRunMessage(modelFile, architecture));
    }
    PromptWrappers.requireUsableCustomTemplate(wrapping);
    LlamaModel model = loadModel(modelFile, info, settings, wrapping);
    PromptWrappers.Wrapped wrapped;
    try {
      wrapped =
          PromptWrappers.wrap(modelFile.getFileName().toString(), info, wrapping, model, warnings);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    var identity =
        new EngineIdentity(
                "llama.cpp",
                modelFile.getFileName().toString(),
                sha256(modelFile),
                PromptProfile.ARCHGW_V1,
                describe(settings, wrapped.how()))
            .withWrapping(wrapping.recorded());
    return new LlamaRouteSelector(model, wrapped.wrapper(), settings, identity);
  }

  /**
   * Loads the model into llama.cpp, with Jinja on unless the wrapping asks for llama.cpp's built-in
   * formats, and with the user's own template or, in place of a template {@link ChatTemplateScreen}
   * refuses, ChatML: llama.cpp parses and test-renders the template while loading.
   */
  private static LlamaModel loadModel(
      Path modelFile, GgufModelInfo info, LlamaEngineSettings settings, PromptWrapping wrapping) {
    loadNativeLibraryQuietly();
    routeNativeLogsToJavaLogging();
    ModelParameters parameters =
        parametersFor(modelFile, settings, 1, PromptWrappers.needsJinja(wrapping));
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
   * @return the warning {@link #load} would give, or empty when the template is used
   */
  public static Optional<String> chatTemplateProblem(Path modelFile) {
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
    try (LlamaModel model = loadModel(modelFile, info, settings, jinja)) {
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

  /** What to tell the user about a model {@link #canRun} refuses. */
  public static String cannotRunMessage(Path modelFile, String architecture) {
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
   * @param slots llama.cpp's parallel slots; RouteBench uses one (see {@link
   *     ParallelSlotsBenchmark} for why), each slot gets {@code contextSize / slots} tokens
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
    var parameters = new ModelParameters();
    if (jinja) {
      parameters.enableJinja();
    }
    if (settings.gpuLayers() != LlamaEngineSettings.AUTO_GPU_LAYERS) {
      parameters.setGpuLayers(settings.gpuLayers());
    }
    return parameters
        .setModel(modelFile.toString())
        .setCtxSize(settings.contextSize())
        .setBatchSize(settings.batchSize())
        .setUbatchSize(settings.batchSize())
        .setThreads(settings.threads())
        .setThreadsBatch(settings.threads())
        .setParallel(slots)
        // The server's own per-request log goes straight to stderr, past setLogger.
        .disableLog();
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
    described.put("binding", "de.kherud:llama 4.2.0 (llama.cpp b4916)");
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
