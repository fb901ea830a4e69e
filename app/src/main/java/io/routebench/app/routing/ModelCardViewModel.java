package io.routebench.app.routing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the model card shows about a GGUF file before it is loaded, or why it cannot be loaded at
 * all. Reading the header takes milliseconds even for a multi-gigabyte model (the tensor data is
 * never read), so it is done where the card is asked for.
 */
final class ModelCardViewModel {

  /** Enough of a chat template to recognise it (ChatML, Qwen's tools block) without scrolling. */
  static final int TEMPLATE_PREVIEW_LINES = 40;

  private final Path file;
  private final ModelCard card;
  private final String problem;

  private ModelCardViewModel(Path file, ModelCard card, String problem) {
    this.file = file;
    this.card = card;
    this.problem = problem;
  }

  static ModelCardViewModel read(Path file) {
    ModelCard card;
    try {
      card = ModelCard.read(file);
    } catch (RuntimeException e) {
      // Not a GGUF, truncated, unreadable: the reader's message says which, in the user's terms.
      return new ModelCardViewModel(file, null, e.getMessage());
    }
    return new ModelCardViewModel(file, card, card.problem().orElse(null));
  }

  Path file() {
    return file;
  }

  String title() {
    return card == null ? "Cannot load " + file.getFileName() : card.info().name();
  }

  /** The facts, empty when the header could not be read. */
  List<ModelCard.Row> rows() {
    return card == null ? List.of() : card.rows();
  }

  /** The first {@value #TEMPLATE_PREVIEW_LINES} lines of the chat template, when it has one. */
  Optional<String> chatTemplatePreview() {
    if (card == null) {
      return Optional.empty();
    }
    return card.info()
        .chatTemplate()
        .map(
            template -> {
              List<String> lines = template.lines().toList();
              if (lines.size() <= TEMPLATE_PREVIEW_LINES) {
                return template;
              }
              return String.join("\n", lines.subList(0, TEMPLATE_PREVIEW_LINES))
                  + "\n… ("
                  + (lines.size() - TEMPLATE_PREVIEW_LINES)
                  + " more lines)";
            });
  }

  /** Why the model cannot be loaded; empty when it can. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  boolean canLoad() {
    return problem == null;
  }

  /**
   * Whether the card should offer a server instead of Load: a model this llama.cpp build cannot run
   * but a server can (Qwen3, as plano's default router Plano-Orchestrator).
   */
  boolean offersServer() {
    return card != null && card.needsServer();
  }
}
