package io.routebench.inference.llama;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in words why the separate load of a GGUF file failed, from how its process ended and what it
 * printed: llama.cpp's assertion text, the signal, the limit it ran into.
 */
final class CheckFailureWords {

  private static final Pattern ASSERTION =
      Pattern.compile("(\\S+):(\\d+): GGML_ASSERT\\((.*)\\) failed");

  /** {@code GGML_ABORT}: "file.cpp:10: fatal error". */
  private static final Pattern ABORT =
      Pattern.compile("^(\\S+\\.(?:c|cc|cpp|h|hpp)):(\\d+): (.+)$");

  private static final Pattern TERMINATE =
      Pattern.compile("terminate called after throwing an instance of '([^']+)'");
  private static final Pattern LOAD_ERROR = Pattern.compile("error loading model: (.+)$");
  private static final List<String> OUT_OF_MEMORY =
      List.of(
          "bad_alloc",
          "Cannot allocate memory",
          "insufficient memory for the Java Runtime",
          "OutOfMemoryError",
          "failed to allocate");

  private static final String UNAFFECTED =
      " It ran in a separate process: nothing else was affected, and the file was not loaded.";

  private CheckFailureWords() {}

  static String describe(String fileName, CheckProcess.Outcome outcome, String memoryLimit) {
    boolean template = outcome.phase() == CheckProcess.Phase.TEMPLATE;
    String subject = template ? "its chat template" : "loading it";
    switch (outcome.stoppedFor()) {
      case TIME -> {
        return fileName
            + ": "
            + subject
            + " needed more than "
            + outcome.limit()
            + (template ? " to render" : "")
            + (outcome.phase() == CheckProcess.Phase.STARTING ? " (before it began)" : "")
            + "; RouteBench stopped it."
            + UNAFFECTED;
      }
      case MEMORY -> {
        return fileName
            + ": "
            + subject
            + " needed more than "
            + outcome.limit()
            + " of memory"
            + (template ? " to render" : "")
            + "; RouteBench stopped it."
            + UNAFFECTED;
      }
      case NONE -> {}
    }
    if (outcome.refusal().isPresent()) {
      return outcome.refusal().get()
          + loadError(outcome.output()).map(e -> " (" + e + ")").orElse("");
    }
    if (mentions(outcome.output(), OUT_OF_MEMORY)) {
      return fileName
          + ": "
          + subject
          + " needed more than "
          + memoryLimit
          + " of memory (llama.cpp ran out of it and ended the process)."
          + UNAFFECTED;
    }
    String crashed =
        "llama.cpp crashed "
            + (template ? "rendering " + fileName + "'s chat template" : "reading " + fileName);
    Optional<String> cause = assertion(outcome.output()).or(() -> abort(outcome.output()));
    if (cause.isPresent()) {
      return crashed + " (" + cause.get() + ")." + UNAFFECTED;
    }
    return crashed + " (" + signal(outcome.exitCode(), outcome.output()) + ")." + UNAFFECTED;
  }

  private static Optional<String> assertion(List<String> output) {
    for (String line : output) {
      Matcher assertion = ASSERTION.matcher(line);
      if (assertion.find()) {
        return Optional.of(
            "assertion "
                + assertion.group(3)
                + " failed in "
                + sourcePath(assertion.group(1))
                + ":"
                + assertion.group(2));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> abort(List<String> output) {
    for (String line : output) {
      Matcher abort = ABORT.matcher(line.strip());
      if (abort.find()) {
        return Optional.of(
            "it aborted in "
                + sourcePath(abort.group(1))
                + ":"
                + abort.group(2)
                + ": "
                + abort.group(3));
      }
      Matcher terminate = TERMINATE.matcher(line);
      if (terminate.find()) {
        return Optional.of("an uncaught " + terminate.group(1));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> loadError(List<String> output) {
    for (int i = output.size() - 1; i >= 0; i--) {
      Matcher error = LOAD_ERROR.matcher(output.get(i));
      if (error.find()) {
        return Optional.of("llama.cpp: " + error.group(1).strip());
      }
    }
    return Optional.empty();
  }

  /** How a signal, or the JVM's crash summary, names the crash. */
  private static String signal(int exitCode, List<String> output) {
    if (exitCode == 128 + 11 || mentions(output, List.of("SIGSEGV"))) {
      return "segmentation fault";
    }
    return switch (exitCode - 128) {
      case 6 -> "it aborted";
      case 4 -> "illegal instruction";
      case 7 -> "bus error";
      case 8 -> "arithmetic error";
      case 9 -> "killed by the system, usually for want of memory";
      default -> "exit status " + exitCode;
    };
  }

  /** "src/llama-model.cpp" from the path llama.cpp was built at. */
  private static String sourcePath(String path) {
    for (String root : List.of("llama.cpp-src/", "llama.cpp/")) {
      int at = path.lastIndexOf(root);
      if (at >= 0) {
        return path.substring(at + root.length());
      }
    }
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }

  private static boolean mentions(List<String> output, List<String> words) {
    return output.stream().anyMatch(line -> words.stream().anyMatch(line::contains));
  }
}
