package io.routebench.inference.llama;

import de.kherud.llama.LlamaModel;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.gguf.ByteLevelVocabulary;
import io.routebench.inference.gguf.GgufMetadataReader;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.gguf.QwenGgufBuilder;
import io.routebench.inference.gguf.QwenShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The separate process in which {@link FirstLoadCheck} loads a GGUF file for the first time, as the
 * workbench would load it: the same checks, the same llama.cpp parameters, the chat template
 * rendered the same way. Whatever llama.cpp does to this process (an assertion, a crash, a template
 * that eats the memory) ends this process only.
 *
 * <p>It works in two phases, so that the parent can tell the user which part of the file is at
 * fault and give each its own limits: first the chat template alone, rendered by llama.cpp on a
 * tiny stand-in model (a few hundred kilobytes that load in milliseconds), then the real file. It
 * reports on standard output, one line each, prefixed {@value #PREFIX}: the phase it enters, the
 * warnings the load gave, and {@code passed}, or {@code refused} with the message of a load that
 * llama.cpp failed without crashing.
 *
 * <p>Arguments: the model file, then the engine settings as {@code threads context batch
 * gpuLayers}; or {@value #TEMPLATE_ONLY} and a chat template file of the user's own, then the
 * settings, to render that template alone (the template phase only).
 */
public final class FirstLoadCheckMain {

  static final String PREFIX = "routebench-check ";
  static final String PHASE_TEMPLATE = "phase template";
  static final String PHASE_MODEL = "phase model";
  static final String WARNING = "warning ";
  static final String PASSED = "passed";
  static final String REFUSED = "refused ";
  static final String TEMPLATE_ONLY = "--template-only";

  /**
   * The file is checked with its own chat template rendered by Jinja, as llama-server and vLLM
   * render it: that is what a hostile template can do harm in. A template the user chose instead is
   * screened before it is used ({@link ChatTemplateScreen}).
   */
  private static final PromptWrapping MODEL_TEMPLATE =
      PromptWrapping.of(ServingEngine.LLAMA_SERVER);

  private FirstLoadCheckMain() {}

  public static void main(String[] args) {
    int status;
    try {
      if (args[0].equals(TEMPLATE_ONLY)) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        say(PHASE_TEMPLATE);
        renderOnStandIn(Files.readString(Path.of(rest[0])), settings(rest));
      } else {
        check(Path.of(args[0]), settings(args));
      }
      say(PASSED);
      status = 0;
    } catch (RuntimeException | IOException e) {
      say(REFUSED + encode(String.valueOf(e.getMessage())));
      status = 1;
    } catch (Error e) {
      // A Java error (e.g. out of memory) in this throwaway process: reported, never rethrown,
      // because the process would otherwise live on with llama.cpp's thread.
      say(REFUSED + encode(e.toString()));
      status = 1;
    }
    System.out.flush();
    // llama.cpp's server thread is not a daemon thread: the process would not end by itself.
    Runtime.getRuntime().halt(status);
  }

  /** The arguments that make this process load {@code settings} as the workbench does. */
  static List<String> arguments(Path modelFile, LlamaEngineSettings settings) {
    return List.of(
        modelFile.toAbsolutePath().toString(),
        Integer.toString(settings.threads()),
        Integer.toString(settings.contextSize()),
        Integer.toString(settings.batchSize()),
        Integer.toString(settings.gpuLayers()));
  }

  /**
   * The arguments that make this process render {@code templateFile} alone with {@code settings}.
   */
  static List<String> templateArguments(Path templateFile, LlamaEngineSettings settings) {
    var arguments = new ArrayList<String>();
    arguments.add(TEMPLATE_ONLY);
    arguments.addAll(arguments(templateFile, settings));
    return arguments;
  }

  private static LlamaEngineSettings settings(String[] args) {
    return LlamaEngineSettings.defaults()
        .withThreads(Integer.parseInt(args[1]))
        .withContextSize(Integer.parseInt(args[2]))
        .withBatchSize(Integer.parseInt(args[3]))
        .withGpuLayers(Integer.parseInt(args[4]));
  }

  private static void check(Path modelFile, LlamaEngineSettings settings) {
    GgufModelInfo info = LlamaEngineLoader.inspect(modelFile);
    Optional<String> template =
        info.chatTemplate().filter(t -> ChatTemplateScreen.refusal(t).isEmpty());
    if (template.isPresent()) {
      say(PHASE_TEMPLATE);
      renderOnStandIn(template.get(), settings);
    }
    say(PHASE_MODEL);
    var warnings = new ArrayList<String>();
    LlamaModel model = LlamaEngineLoader.loadModel(modelFile, info, settings, MODEL_TEMPLATE, true);
    PromptWrappers.wrap(name(modelFile), info, MODEL_TEMPLATE, model, warnings::add);
    warnings.forEach(warning -> say(WARNING + encode(warning)));
  }

  /**
   * Lets llama.cpp parse and render {@code template} as it does while loading a model (and as the
   * chat wrapper does after), on a tiny model that carries it: what the template costs is then
   * measured apart from the weights.
   */
  private static void renderOnStandIn(String template, LlamaEngineSettings settings) {
    try {
      Path standIn = Files.createTempFile("routebench-template-", ".gguf");
      new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create())
          .chatTemplate(Optional.of(template))
          .write(standIn);
      GgufModelInfo info = GgufMetadataReader.read(standIn);
      LlamaEngineSettings small = settings.withContextSize(512);
      try (LlamaModel model =
          LlamaEngineLoader.loadModel(standIn, info, small, MODEL_TEMPLATE, true)) {
        PromptWrappers.wrap(name(standIn), info, MODEL_TEMPLATE, model, warning -> {});
      }
      Files.deleteIfExists(standIn);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the template's stand-in model", e);
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static void say(String line) {
    System.out.println(PREFIX + line);
    System.out.flush();
  }

  /** Warnings and messages travel as one line each, whatever they hold. */
  static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String encoded) {
    return new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
  }
}
