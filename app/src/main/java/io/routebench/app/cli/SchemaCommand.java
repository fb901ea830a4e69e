package io.routebench.app.cli;

import io.routebench.core.config.PolicyDocumentSchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description =
        "Prints the JSON Schema of policy documents (*.policy.yaml), generated from the rules"
            + " validate reads them with; editors with the YAML language server complete and"
            + " check keys with it. The repository ships it as "
            + PolicyDocumentSchema.REPOSITORY_PATH
            + ".")
final class SchemaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(PolicyDocumentSchema.json());
    out.flush();
    return ExitStatus.OK.code();
  }
}
