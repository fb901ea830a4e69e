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
  ARCHGW("archgw config (v0.3.0)", "arch_config.yaml", ProxyDialect.ARCHGW_V0_3),
  PLANO("plano config (v0.4.0)", "plano_config.yaml", ProxyDialect.PLANO_V0_4),
  /** Named after the workspace, so that documents of several taxonomies sit side by side. */
  POLICY_DOCUMENT("RouteBench policy document", null, null);

  private final String displayName;
  private final String proxyFileName;
  private final ProxyDialect dialect;

  ExportFormat(String displayName, String proxyFileName, ProxyDialect dialect) {
    this.displayName = displayName;
    this.proxyFileName = proxyFileName;
    this.dialect = dialect;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * The file name to offer: the one the proxy looks for by default, or for a policy document the
   * workspace's name with the extension RouteBench recognises.
   */
  public String suggestedFileName(String workspaceName) {
    return proxyFileName != null ? proxyFileName : workspaceName + ".policy.yaml";
  }

  /**
   * Renders valid policies; check them with the validator first.
   *
   * @param legacyProvidersKey archgw only: {@code llm_providers} instead of {@code model_providers}
   */
  public Rendered render(PolicyDocument document, boolean legacyProvidersKey) {
    if (dialect == null) {
      return new Rendered(PolicyDocumentYaml.write(document), List.of());
    }
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
