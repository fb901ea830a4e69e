package io.routebench.app.cli;

import io.routebench.app.files.AtomicFiles;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import io.routebench.core.suite.jsonl.SuiteJsonlWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "suite",
    mixinStandardHelpOptions = true,
    description = "Lists or exports a workspace's test suites.",
    subcommands = {SuiteCommand.ListSuites.class, SuiteCommand.Export.class})
final class SuiteCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the suites of a workspace.")
  static final class ListSuites implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() {
      List<SuiteSummary> suites =
          WorkspaceFiles.readingWorkspace(workspace.file, w -> w.suites().listSuites());
      PrintWriter out = spec.commandLine().getOut();
      for (SuiteSummary suite : suites) {
        out.printf("%-40s %6d case(s)%n", suite.name(), suite.caseCount());
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Writes a suite as JSONL, one case per line.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WorkspaceOption workspace;

    @Mixin SuiteOption suite;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "where to write (default: standard output)")
    Path output;

    @Override
    public Integer call() throws IOException {
      TestSuite found =
          WorkspaceFiles.readingWorkspace(
              workspace.file, w -> WorkspaceInputs.suiteNamed(w, workspace.file, suite.name));
      var text = new StringWriter();
      try {
        SuiteJsonlWriter.write(found.cases(), text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
      } else {
        AtomicFiles.writeString(output, text.toString());
        spec.commandLine()
            .getErr()
            .println("wrote " + found.cases().size() + " case(s) to " + output);
      }
      return 0;
    }
  }
}
