package io.routebench.app.cli;

import io.routebench.app.files.AtomicFiles;
import io.routebench.app.transfer.ExportFormat;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes a workspace (or policy document / proxy config) as a proxy config or a"
            + " policy document. The policies are validated first; nothing is written when they"
            + " have errors.")
final class ExportCommand implements Callable<Integer> {

  /** The names users type; lower case, as Unix options are. */
  enum Format {
    archgw(ExportFormat.ARCHGW),
    plano(ExportFormat.PLANO),
    policy(ExportFormat.POLICY_DOCUMENT);

    private final ExportFormat exportFormat;

    Format(ExportFormat exportFormat) {
      this.exportFormat = exportFormat;
    }
  }

  @Spec CommandSpec spec;

  @Mixin PolicyFileOption source;

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
    PolicyDocument document = source.load().document();
    ValidationReport report = PolicyValidator.validate(document);
    err.print(report.format(source.file.getFileName().toString()));
    if (report.hasErrors()) {
      err.println("nothing exported: fix the errors above first");
      return ExitStatus.FAILED.code();
    }
    ExportFormat.Rendered rendered = format.exportFormat.render(document, legacyProvidersKey);
    rendered.warnings().forEach(w -> err.println("warning: " + w));
    String text = rendered.text();
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.writeString(output, text);
      err.println("wrote " + output);
    }
    return 0;
  }
}
