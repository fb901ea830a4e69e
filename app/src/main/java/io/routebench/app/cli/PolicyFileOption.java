package io.routebench.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command reads routes from: a workspace, a policy document or a proxy config. One option
 * with the names each command grew up with, so any of them works everywhere.
 */
final class PolicyFileOption {

  @Option(
      names = {"--workspace", "--config", "--from"},
      required = true,
      paramLabel = "FILE",
      description =
          "a *.routebench workspace, a *.policy.yaml policy document or a proxy config (archgw"
              + " or plano); routes in the file's order")
  Path file;

  PolicySource load() {
    return PolicySource.load(file);
  }
}
