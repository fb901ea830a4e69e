package io.routebench.inference.llama;

import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.gguf.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loads GGUF files as a browser opens untrusted content: the first load of a file RouteBench has
 * not seen before runs in a separate process ({@link FirstLoadCheckMain}) with a time and a memory
 * limit, and only a file that passed there is loaded into this process. llama.cpp ends the process
 * it runs in on an assertion, crashes on some malformed files, and renders a model's chat template
 * with no bound on time or memory; here that costs a child process, never the workbench.
 *
 * <p>Files that passed are kept by SHA-256 ({@link CheckedModels}), so a model checked once loads
 * at once afterwards. The memory limit needs Linux ({@code ulimit -v} on the child, its resident
 * memory read from {@code /proc} while the template renders); elsewhere only the time limits apply.
 */
public final class FirstLoadCheck {

  /**
   * A file that may be loaded into this process.
   *
   * @param warnings what its load said (e.g. its chat template is not used)
   * @param fromRecord whether it had passed before (nothing was run now)
   */
  public record Passed(String sha256, List<String> warnings, boolean fromRecord) {

    public Passed {
      warnings = List.copyOf(warnings);
    }
  }

  private static final String LLAMA_NATIVE_DIR_PROPERTY = "de.kherud.llama.tmpdir";

  private final CheckedModels checked;
  private final LoadCheckLimits limits;

  public FirstLoadCheck(CheckedModels checked, LoadCheckLimits limits) {
    this.checked = checked;
    this.limits = limits;
  }

  /** With the limits from the system properties ({@link LoadCheckLimits#fromSystemProperties}). */
  public static FirstLoadCheck recordingIn(Path recordFile) {
    return new FirstLoadCheck(
        new CheckedModels(recordFile), LoadCheckLimits.fromSystemProperties());
  }

  /**
   * Checks {@code modelFile} unless it passed before, then loads it here.
   *
   * @throws RoutingException why it cannot be loaded, in words
   */
  public LlamaRouteSelector load(
      Path modelFile, LlamaEngineSettings settings, Consumer<String> warnings) {
    return load(modelFile, settings, PromptWrapping.DEFAULT, warnings);
  }

  /**
   * As {@link #load(Path, LlamaEngineSettings, Consumer)}, wrapping prompts as {@code wrapping}.
   */
  public LlamaRouteSelector load(
      Path modelFile,
      LlamaEngineSettings settings,
      PromptWrapping wrapping,
      Consumer<String> warnings) {
    return load(modelFile, settings, wrapping, warnings, CancellationToken.none());
  }

  /**
   * As {@link #load(Path, LlamaEngineSettings, PromptWrapping, Consumer)}; cancelling {@code
   * cancellation} stops the check's process at once and skips the load here. A load into this
   * process, once begun, cannot be stopped midway.
   *
   * @throws RoutingCancelledException when {@code cancellation} was cancelled before the load here
   */
  public LlamaRouteSelector load(
      Path modelFile,
      LlamaEngineSettings settings,
      PromptWrapping wrapping,
      Consumer<String> warnings,
      CancellationToken cancellation) {
    Passed passed = check(modelFile, settings, cancellation);
    if (wrapping.customTemplate() != null) {
      PromptWrappers.requireUsableCustomTemplate(wrapping); // the static screen first: cheap
      checkTemplate(wrapping.customTemplate(), settings, cancellation);
    }
    cancellation.throwIfCancelled();
    return LlamaEngineLoader.load(modelFile, settings, wrapping, warnings, passed.sha256());
  }

  /**
   * Whether {@code modelFile} may be loaded into this process: its header first (no native code),
   * then, unless it passed before, a load in a separate process with {@code settings}.
   *
   * @throws RoutingException why it may not, in words
   * @throws RoutingCancelledException when the calling thread is interrupted (the child is killed)
   */
  public Passed check(Path modelFile, LlamaEngineSettings settings) {
    return check(modelFile, settings, CancellationToken.none());
  }

  /**
   * As {@link #check(Path, LlamaEngineSettings)}; cancelling {@code cancellation} kills the check's
   * process and throws {@link RoutingCancelledException}, and nothing is recorded.
   */
  public Passed check(
      Path modelFile, LlamaEngineSettings settings, CancellationToken cancellation) {
    GgufModelInfo info = LlamaEngineLoader.inspect(modelFile);
    if (!LlamaEngineLoader.canRun(info.architecture())) {
      throw new RoutingException(
          LlamaEngineLoader.cannotRunMessage(modelFile, info.architecture()));
    }
    String sha256 = sha256(modelFile);
    Optional<CheckedModels.Entry> known = checked.find(sha256);
    if (known.isPresent()) {
      return new Passed(sha256, known.get().warnings(), true);
    }
    String name = modelFile.getFileName().toString();
    CheckProcess.Outcome outcome =
        runSeparately(
            modelFile.getFileName() + " before loading it",
            workDir ->
                command(
                    limits.processMemory(info, settings),
                    modelFile,
                    workDir,
                    FirstLoadCheckMain.arguments(modelFile, settings)),
            limits.loadTime(info.fileSize()),
            cancellation);
    if (!outcome.passed()) {
      String memoryLimit =
          CheckProcess.megabytes(
              outcome.phase() == CheckProcess.Phase.TEMPLATE
                  ? limits.templateMemoryBytes()
                  : limits.processMemory(info, settings));
      throw new RoutingException(CheckFailureWords.describe(name, outcome, memoryLimit));
    }
    checked.add(sha256, name, outcome.warnings());
    return new Passed(sha256, outcome.warnings(), false);
  }

  /**
   * Renders a chat template of the user's own (the serving engine's, {@code --chat-template}) in a
   * separate process with the template limits, unless the same text passed before: llama.cpp
   * renders it in this process afterwards, and the static screen ({@link ChatTemplateScreen})
   * cannot bound everything a template can make it do.
   *
   * @throws RoutingException why it may not be used, in words
   * @throws RoutingCancelledException when {@code cancellation} was cancelled (the child is killed)
   */
  public void checkTemplate(
      CustomChatTemplate template, LlamaEngineSettings settings, CancellationToken cancellation) {
    String sha256 = Sha256.ofText(template.text());
    if (checked.find(sha256).isPresent()) {
      return;
    }
    CheckProcess.Outcome outcome =
        runSeparately(
            "the chat template " + template.fileName() + " before using it",
            workDir -> {
              Path copy =
                  Files.writeString(workDir.resolve("chat-template.jinja"), template.text());
              return command(
                  limits.templateProcessMemory(),
                  Path.of(template.fileName()),
                  workDir,
                  FirstLoadCheckMain.templateArguments(copy, settings));
            },
            limits.templateTime(),
            cancellation);
    if (!outcome.passed()) {
      throw new RoutingException(
          CheckFailureWords.describe(
              template.fileName(), outcome, CheckProcess.megabytes(limits.templateMemoryBytes())));
    }
    checked.add(sha256, template.fileName(), outcome.warnings());
  }

  /** The command line of a check, given the folder it runs in (which it may write to first). */
  private interface CheckCommand {
    List<String> in(Path workDir) throws IOException;
  }

  /**
   * Runs one check in its own folder, removed whatever happens.
   *
   * @param what what is checked, completing "the separate process that checks …"
   * @param modelTime the model phase's deadline
   */
  private CheckProcess.Outcome runSeparately(
      String what, CheckCommand command, Duration modelTime, CancellationToken cancellation) {
    Path workDir = null;
    try {
      workDir = workDir();
      return CheckProcess.run(
          command.in(workDir), workDir, limits, modelTime, memoryIsWatched(), cancellation);
    } catch (IOException e) {
      throw new RoutingException(
          "RouteBench could not start the separate process that checks "
              + what
              + ": "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingCancelledException();
    } finally {
      deleteQuietly(workDir);
    }
  }

  /**
   * The child's own folder: its current folder, temp files, crash report and copy of llama.cpp's
   * native library (its own copy: the binding deletes and rewrites the copy it loads, which must
   * not race with this process's). Made where this process keeps its native library, since a
   * hardened system's temp folder may not allow loading one; removed whatever happens.
   */
  private static Path workDir() throws IOException {
    String nativeDir = System.getProperty(LLAMA_NATIVE_DIR_PROPERTY);
    if (nativeDir != null && Files.isDirectory(Path.of(nativeDir))) {
      return Files.createTempDirectory(Path.of(nativeDir), "load-check-");
    }
    return Files.createTempDirectory("routebench-load-check-");
  }

  /**
   * A JVM like this one running {@link FirstLoadCheckMain} with {@code arguments}, with a small
   * heap, under {@code ulimit -v} of {@code addressSpace} bytes on Linux.
   *
   * @param checked the file being checked, named if no Java runtime can be found for the check
   */
  private static List<String> command(
      long addressSpace, Path checked, Path workDir, List<String> arguments) {
    var command = new ArrayList<String>();
    if (memoryIsWatched() && Files.isExecutable(Path.of("/bin/sh"))) {
      long kilobytes = addressSpace / 1024;
      command.addAll(List.of("/bin/sh", "-c", "ulimit -v " + kilobytes + " && exec \"$0\" \"$@\""));
    }
    command.add(javaLauncher(checked).toString());
    // A small, fixed address space for Java itself: ulimit -v counts reservations too.
    command.addAll(
        List.of(
            "-Xmx256m",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:CompressedClassSpaceSize=128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-CreateCoredumpOnCrash",
            "-XX:ErrorFile=" + workDir.resolve("hs_err_%p.log"),
            "-Djava.io.tmpdir=" + workDir,
            "-D" + LLAMA_NATIVE_DIR_PROPERTY + "=" + workDir,
            "-Djava.awt.headless=true",
            "--enable-native-access=ALL-UNNAMED"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FirstLoadCheckMain.class.getName());
    command.addAll(arguments);
    return command;
  }

  /**
   * This runtime's {@code java}: installers keep it (their jlink'ed runtime is made without {@code
   * --strip-native-commands}); failing that, the executable this process was started from.
   */
  static Path javaLauncher(Path modelFile) {
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    String name = windows ? "java.exe" : "java";
    Path java = Path.of(System.getProperty("java.home"), "bin", name);
    if (Files.isExecutable(java)) {
      return java;
    }
    Optional<Path> started =
        ProcessHandle.current()
            .info()
            .command()
            .map(Path::of)
            .filter(p -> p.getFileName().toString().equals(name) && Files.isExecutable(p));
    return started.orElseThrow(
        () ->
            new RoutingException(
                "RouteBench cannot check "
                    + modelFile.getFileName()
                    + " before loading it: its Java runtime has no "
                    + name
                    + " (looked for "
                    + java
                    + "), and a model file is only loaded after a first load in a separate"
                    + " process. Reinstall RouteBench, or start it with a full JDK 21 or newer."));
  }

  private static boolean memoryIsWatched() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
        && Files.isReadable(Path.of("/proc/self/status"));
  }

  private static String sha256(Path modelFile) {
    try {
      return Sha256.of(modelFile);
    } catch (IOException e) {
      throw new RoutingException("Cannot read model file " + modelFile + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(FirstLoadCheck::deleteFile);
    } catch (IOException e) {
      // Left in the temp folder, which the system cleans.
    }
  }

  private static void deleteFile(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // As above.
    }
  }
}
