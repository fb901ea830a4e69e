package io.routebench.core.config;

import io.routebench.core.workspace.PolicyDocument;
import java.util.List;

/** An imported proxy config and what the user should know about the import. */
public record ProxyImportResult(PolicyDocument document, List<String> warnings) {

  public ProxyImportResult {
    warnings = List.copyOf(warnings);
  }
}
