package io.routebench.app.cli;

import io.routebench.core.config.ConfigFiles;
import io.routebench.core.config.ConfigText;
import io.routebench.core.config.ImportedPolicies;
import io.routebench.core.files.NotARegularFileException;
import io.routebench.core.routing.RouteOrder;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * Policies read from whatever the user points a command at: a policy document, a proxy config of
 * either dialect, or a workspace file.
 *
 * @param routeOrder route names in the order the proxy reads them
 * @param warnings what the import noticed (e.g. no default provider)
 */
record PolicySource(
    Path file, Kind kind, PolicyDocument document, List<String> routeOrder, List<String> warnings) {

  enum Kind {
    POLICY_DOCUMENT,
    PROXY_CONFIG,
    WORKSPACE
  }

  static PolicySource load(Path file) {
    if (WorkspaceFiles.isWorkspace(file)) {
      return WorkspaceFiles.readingWorkspace(
          file,
          workspace -> {
            PolicyDocument document = workspace.policies().load();
            return new PolicySource(
                file, Kind.WORKSPACE, document, RouteOrder.routeNames(document), List.of());
          });
    }
    ImportedPolicies read = ConfigFiles.readPolicies(file.getFileName().toString(), readText(file));
    if (read.kind() == ConfigFiles.Kind.POLICY_DOCUMENT) {
      return new PolicySource(
          file,
          Kind.POLICY_DOCUMENT,
          read.document(),
          RouteOrder.routeNames(read.document()),
          read.warnings());
    }
    return new PolicySource(
        file, Kind.PROXY_CONFIG, read.document(), read.routeOrder(), read.warnings());
  }

  /**
   * The policies in the order the proxy is fed them: a proxy config's own order, and for documents
   * and workspaces the {@link RouteOrder} their export writes.
   */
  List<RoutingPolicy> policiesInProxyOrder() {
    var positions = new HashMap<String, Integer>(routeOrder.size() * 2);
    for (int i = 0; i < routeOrder.size(); i++) {
      positions.putIfAbsent(routeOrder.get(i), i);
    }
    var policies = new ArrayList<>(document.taxonomy().policies());
    policies.sort(
        Comparator.comparingInt(p -> positions.getOrDefault(p.routeName(), Integer.MAX_VALUE)));
    return policies;
  }

  /**
   * Validates the policies before a command uses them: what reading them noticed, then every
   * finding, go to {@code err} as {@code validate} prints them; refusing is the caller's.
   *
   * @param name the file as the messages name it
   */
  ValidationReport validatePrinting(PrintWriter err, String name) {
    warnings.forEach(w -> err.println("warning: " + w));
    ValidationReport report = PolicyValidator.validate(document);
    err.print(report.format(name));
    err.flush();
    return report;
  }

  /** How many of the report's errors are literal secrets, which no command stores or prints. */
  static long literalSecrets(ValidationReport report) {
    return report.errors().stream().filter(PolicyValidator::isSecret).count();
  }

  static String readText(Path file) {
    try {
      return ConfigText.read(file);
    } catch (NoSuchFileException e) {
      throw CliFailure.usage(file + ": no such file");
    } catch (NotARegularFileException e) {
      throw CliFailure.problems(e.getMessage());
    } catch (IOException e) {
      throw CliFailure.couldNotRun(file + ": cannot read: " + e.getMessage());
    }
  }
}
