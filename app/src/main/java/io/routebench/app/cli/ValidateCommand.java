package io.routebench.app.cli;

import io.routebench.core.config.ConfigFormatException;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.SuiteValidator;
import io.routebench.core.validation.ValidationReport;
import io.routebench.storage.StorageException;
import io.routebench.storage.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a policy document, a proxy config (archgw or plano) or a workspace."
            + " Prints every problem with its location; exits 1 when there are errors.")
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description = "*.policy.yaml, a proxy config.yaml or a *.routebench workspace")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String name = file.getFileName().toString();
    PolicySource source;
    try {
      source = PolicySource.load(file);
    } catch (StorageException e) {
      err.println(name + ": error: the workspace's policies cannot be read: " + e.getMessage());
      err.println(name + ": invalid (the workspace is damaged)");
      return 1;
    } catch (ConfigFormatException e) {
      err.println(e.getMessage());
      err.println(
          name
              + ": invalid ("
              + e.problems().size()
              + " problem"
              + (e.problems().size() == 1 ? "" : "s")
              + ")");
      return 1;
    }
    source.warnings().forEach(w -> err.println("warning: " + w));
    ValidationReport report = PolicyValidator.validate(source.document());
    int errors = report.errors().size();
    int warnings = report.warnings().size();
    if (source.kind() == PolicySource.Kind.WORKSPACE) {
      List<String> damage = WorkspaceFiles.readingWorkspace(file, ValidateCommand::unreadableParts);
      if (!damage.isEmpty()) {
        damage.forEach(problem -> err.println(name + ": error: " + problem));
        err.println(
            name
                + ": invalid (the workspace is damaged: "
                + damage.size()
                + " part"
                + (damage.size() == 1 ? "" : "s")
                + " cannot be read; restore it from a backup or export what can be read)");
        return 1;
      }
      var suiteReports =
          WorkspaceFiles.readingWorkspace(
              file,
              workspace ->
                  workspace.suites().listSuites().stream()
                      .map(summary -> workspace.suites().findSuite(summary.id()).orElseThrow())
                      .map(
                          suite ->
                              new Object[] {
                                suite.name(),
                                SuiteValidator.validate(
                                    suite, source.document().taxonomy().routeNames())
                              })
                      .toList());
      for (Object[] entry : suiteReports) {
        ValidationReport suiteReport = (ValidationReport) entry[1];
        err.print(suiteReport.format(name + " suite \"" + entry[0] + "\""));
        errors += suiteReport.errors().size();
        warnings += suiteReport.warnings().size();
      }
    }
    err.print(report.format(name));
    err.flush();
    int routes = source.document().taxonomy().policies().size();
    if (errors > 0) {
      err.println(
          name
              + ": invalid ("
              + errors
              + " error"
              + (errors == 1 ? "" : "s")
              + ", "
              + warnings
              + " warning"
              + (warnings == 1 ? "" : "s")
              + ")");
      return 1;
    }
    out.println(
        name
            + ": valid ("
            + routes
            + " route"
            + (routes == 1 ? "" : "s")
            + ", "
            + source.document().targets().size()
            + " targets, "
            + warnings
            + " warning"
            + (warnings == 1 ? "" : "s")
            + ")");
    return 0;
  }

  /**
   * Checks every row the other commands depend on (a row pointing at a deleted parent, a JSON
   * column that does not parse, each named by table and row), then reads every part of the
   * workspace through the same queries the other commands use, so a missing table or an unreadable
   * row is reported here instead of at the next {@code test}: the suites with their cases and tags,
   * and each suite's runs with the newest run's results (one per suite is enough to find a missing
   * table without reading all history).
   */
  private static List<String> unreadableParts(Workspace workspace) {
    var problems = new ArrayList<String>(workspace.damagedRows());
    if (!problems.isEmpty()) {
      return problems;
    }
    List<TestSuiteRepository.SuiteSummary> suites;
    try {
      suites = workspace.suites().listSuites();
    } catch (RuntimeException e) {
      problems.add("the test suites cannot be read: " + e.getMessage());
      return problems;
    }
    for (TestSuiteRepository.SuiteSummary suite : suites) {
      try {
        workspace.suites().findSuite(suite.id());
      } catch (RuntimeException e) {
        problems.add("suite \"" + suite.name() + "\" cannot be read: " + e.getMessage());
      }
      try {
        List<RegressionRunRepository.RunSummary> runs = workspace.runs().listRuns(suite.id());
        if (!runs.isEmpty()) {
          workspace.runs().findRun(runs.get(0).id());
        }
      } catch (RuntimeException e) {
        problems.add(
            "the runs of suite \"" + suite.name() + "\" cannot be read: " + e.getMessage());
      }
    }
    return problems;
  }
}
