package io.routebench.app.transfer;

import java.util.List;

/**
 * A way to export offered by the export dialog: a format, and for archgw which providers key.
 *
 * @param legacyProvidersKey archgw only: {@code llm_providers}, the key of archgw before 0.3
 */
public record ExportChoice(ExportFormat format, boolean legacyProvidersKey, String label) {

  public static final List<ExportChoice> ALL =
      List.of(
          new ExportChoice(ExportFormat.ARCHGW, false, "archgw config (v0.3.0, model_providers)"),
          new ExportChoice(ExportFormat.ARCHGW, true, "archgw config (legacy llm_providers)"),
          new ExportChoice(ExportFormat.PLANO, false, "plano config (v0.4.0)"),
          new ExportChoice(ExportFormat.POLICY_DOCUMENT, false, "RouteBench policy document"));

  /** The plain choice of {@code format}, e.g. for the Export menu's items. */
  public static ExportChoice of(ExportFormat format) {
    return ALL.stream()
        .filter(choice -> choice.format() == format && !choice.legacyProvidersKey())
        .findFirst()
        .orElseThrow();
  }

  public ExportFormat.Rendered render(io.routebench.core.workspace.PolicyDocument document) {
    return format.render(document, legacyProvidersKey);
  }
}
