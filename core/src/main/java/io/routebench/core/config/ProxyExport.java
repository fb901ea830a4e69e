package io.routebench.core.config;

import java.util.List;

/** An exported proxy config and what did not survive the chosen dialect. */
public record ProxyExport(String yaml, List<String> warnings) {

  public ProxyExport {
    warnings = List.copyOf(warnings);
  }
}
