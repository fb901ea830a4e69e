package io.routebench.app.cli;

import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.config.ProxyConfigExporter;
import io.routebench.core.config.ProxyExport;
import io.routebench.core.config.ProxyExportOptions;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyDialect;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a workspace (or policy document / proxy config) as a proxy config or a policy document.",
      "The policies are validated first; nothing is written when they have errors."
    })
final class ExportCommand implements Callable<Integer> {

  enum Format {
    archgw,
    plano,
    policy
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"--workspace", "--from"},
      required = true,
      paramLabel = "FILE",
      description = "a *.routebench workspace, a policy document or a proxy config")
  Path source;

  @Option(
      names = "--format",
      required = true,
      description = "archgw (v0.3.0), plano (v0.4.0) or policy (RouteBench policy document)")
  Format format;

  @Option(
      names = "--legacy-providers-key",
      description = "archgw: write llm_providers instead of model_providers")
  boolean legacyProvidersKey;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "where to write (default: standard output)")
  Path output;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PolicyDocument document = PolicySource.load(source).document();
    ValidationReport report = PolicyValidator.validate(document);
    err.print(report.format(source.getFileName().toString()));
    if (report.hasErrors()) {
      err.println("nothing exported: fix the errors above first");
      return 1;
    }
    String text;
    if (format == Format.policy) {
      text = PolicyDocumentYaml.write(document);
    } else {
      ProxyDialect dialect =
          format == Format.archgw ? ProxyDialect.ARCHGW_V0_3 : ProxyDialect.PLANO_V0_4;
      ProxyExport export =
          ProxyConfigExporter.export(document, new ProxyExportOptions(dialect, legacyProvidersKey));
      export.warnings().forEach(w -> err.println("warning: " + w));
      text = export.yaml();
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      writeAtomically(output, text);
      err.println("wrote " + output);
    }
    return 0;
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    Files.writeString(temporary, text);
    Files.move(
        temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
