package io.routebench.app.routing;

import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.llama.LlamaEngineLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What RouteBench tells about a GGUF router model from its header, before (or without) loading it:
 * the rows {@code routebench model FILE} prints and the workbench's model card shows, so that both
 * say the same thing in the same words.
 *
 * @param templateProblem why the chat template will not be used, when that was checked (loading the
 *     model in a separate process, as the CLI does); empty when it is used or was not checked
 * @param templateChecked whether {@code templateProblem} was looked for
 * @param loadProblem why the file failed its first load in a separate process (llama.cpp crashed,
 *     its chat template needed too much time or memory), when it was tried
 */
public record ModelCard(
    Path file,
    GgufModelInfo info,
    Optional<String> templateProblem,
    boolean templateChecked,
    Optional<String> loadProblem) {

  /** Where Arch-Router's licence is: its GGUFs do not always say so themselves. */
  public static final String ARCH_ROUTER_LICENSE_URL =
      "https://huggingface.co/katanemo/Arch-Router-1.5B/blob/main/LICENSE";

  /** One labelled fact, e.g. "quantisation" / "Q4_K_M". */
  public record Row(String label, String value) {}

  /** Reads {@code file}'s header without loading the model; throws a user-readable exception. */
  public static ModelCard read(Path file) {
    return new ModelCard(
        file, LlamaEngineLoader.inspect(file), Optional.empty(), false, Optional.empty());
  }

  /** Whether this llama.cpp build can run the model at all. */
  public boolean runnable() {
    return LlamaEngineLoader.canRun(info.architecture());
  }

  /**
   * Whether a server could run this model for RouteBench although this llama.cpp build cannot: a
   * Qwen3 model, as plano's default router (Plano-Orchestrator) is.
   */
  public boolean needsServer() {
    return LlamaEngineLoader.isQwen3(info.architecture());
  }

  /** Why the model cannot be loaded, or empty when it can. */
  public Optional<String> problem() {
    return runnable()
        ? loadProblem
        : Optional.of(LlamaEngineLoader.cannotRunMessage(file, info.architecture()));
  }

  public List<Row> rows() {
    var rows = new ArrayList<Row>();
    rows.add(new Row("file", file.getFileName() + " (" + megabytes(info.fileSize()) + ")"));
    rows.add(new Row("name", info.name()));
    rows.add(
        new Row(
            "architecture",
            info.architecture()
                + (runnable()
                    ? ""
                    : needsServer()
                        ? " (Qwen3: not supported by this llama.cpp build; use a server)"
                        : " (not supported by this llama.cpp build)")));
    rows.add(
        new Row(
            "parameters",
            info.parameterCountLabel()
                + String.format(Locale.ROOT, " (%,d)", info.parameterCount())));
    rows.add(new Row("quantisation", info.fileType()));
    rows.add(
        new Row(
            "context",
            info.contextLength() > 0 ? info.contextLength() + " tokens (trained)" : "not stated"));
    rows.add(new Row("chat template", chatTemplate()));
    rows.add(
        new Row(
            "tokenizer",
            info.tokenizerModel()
                + " / "
                + info.tokenizerPre()
                + ", "
                + info.vocabularySize()
                + " tokens"));
    rows.add(new Row("licence", licence()));
    rows.add(new Row("GGUF version", String.valueOf(info.ggufVersion())));
    return rows;
  }

  private String chatTemplate() {
    if (info.chatTemplate().isEmpty()) {
      return "absent: RouteBench falls back to ChatML and warns";
    }
    if (loadProblem.isPresent()) {
      return "present (not checked: the file failed its first load, see below)";
    }
    if (templateProblem.isPresent()) {
      return "present but NOT USED: prompts are wrapped in ChatML (see the warning)";
    }
    if (!runnable()) {
      return "present (not checked: llama.cpp cannot load this model)";
    }
    return templateChecked
        ? "present: wraps the router prompt as production does"
        : "present: wraps the router prompt as production does (checked when it loads)";
  }

  /**
   * The licence the file states ({@code general.license}, {@code .name}, {@code .link}), and for
   * Arch-Router the one it is published under, which its GGUFs may leave out: the user should know
   * before building on it.
   */
  public String licence() {
    var parts = new ArrayList<String>();
    info.license().ifPresent(parts::add);
    info.licenseName().filter(n -> !parts.contains(n)).ifPresent(n -> parts.add("(" + n + ")"));
    info.licenseLink().ifPresent(parts::add);
    String stated = String.join(" ", parts);
    if (looksLikeArchRouter()) {
      String archRouter =
          "Arch-Router is published under the katanemo-research licence: "
              + ARCH_ROUTER_LICENSE_URL;
      return stated.isEmpty() ? archRouter : stated + "; " + archRouter;
    }
    return stated.isEmpty() ? "not stated in the file" : stated;
  }

  /** By its name, family or file name, as Katanemo's and community GGUFs are named. */
  public boolean looksLikeArchRouter() {
    return containsArchRouter(info.name())
        || containsArchRouter(info.basename())
        || containsArchRouter(file.getFileName().toString());
  }

  private static boolean containsArchRouter(String text) {
    return text.toLowerCase(Locale.ROOT).contains("arch-router");
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
