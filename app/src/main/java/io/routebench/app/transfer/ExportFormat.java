package io.routebench.app.transfer;

import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.config.ProxyConfigExporter;
import io.routebench.core.config.ProxyExport;
import io.routebench.core.config.ProxyExportOptions;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyDialect;
import java.util.List;

/** What a workspace's policies can be written as, for the workbench and the command line alike. */
public enum ExportFormat {
  ARCHGW("archgw config (v0.3.0)", "arch_config.yaml"),
  PLANO("plano config (v0.4.0)", "plano_config.yaml"),
  POLICY_DOCUMENT("RouteBench policy document", "policies.policy.yaml");

  private final String displayName;
  private final String defaultFileName;

  ExportFormat(String displayName, String defaultFileName) {
    this.displayName = displayName;
    this.defaultFileName = defaultFileName;
  }

  public String displayName() {
    return displayName;
  }

  /** The name the proxy looks for by default (or, for documents, a name RouteBench recognises). */
  public String defaultFileName() {
    return defaultFileName;
  }

  /**
   * Renders valid policies; check them with the validator first.
   *
   * @param legacyProvidersKey archgw only: {@code llm_providers} instead of {@code model_providers}
   */
  public Rendered render(PolicyDocument document, boolean legacyProvidersKey) {
    if (this == POLICY_DOCUMENT) {
      return new Rendered(PolicyDocumentYaml.write(document), List.of());
    }
    ProxyDialect dialect = this == ARCHGW ? ProxyDialect.ARCHGW_V0_3 : ProxyDialect.PLANO_V0_4;
    ProxyExport export =
        ProxyConfigExporter.export(document, new ProxyExportOptions(dialect, legacyProvidersKey));
    return new Rendered(export.yaml(), export.warnings());
  }

  /**
   * @param warnings what the format could not carry (e.g. fallbacks in an archgw config)
   */
  public record Rendered(String text, List<String> warnings) {

    public Rendered {
      warnings = List.copyOf(warnings);
    }
  }
}
