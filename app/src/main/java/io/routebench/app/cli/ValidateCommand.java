package io.routebench.app.cli;

import io.routebench.core.config.ConfigFormatException;
import io.routebench.core.config.ConfigLocations;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.SuiteValidator;
import io.routebench.core.validation.ValidationIssue;
import io.routebench.storage.StorageException;
import io.routebench.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a policy document, a proxy config (archgw or plano) or a workspace."
            + " Prints every problem with its file, line and column; exits 1 when there are"
            + " errors, 3 when a workspace cannot be read.")
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description = "*.policy.yaml, a proxy config.yaml or a *.routebench workspace")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text (default: problems on stderr), json (one document on stdout: file, line,"
              + " column, severity, message of each problem) or github (GitHub Actions"
              + " annotations, shown on the pull request's lines)")
  ValidationOutput format;

  @Option(names = "--json", description = "the same as --format json")
  boolean json;

  /** Every problem found, in the order it is shown. */
  private final List<ValidationFinding> findings = new ArrayList<>();

  @Override
  public Integer call() {
    String name = file.getFileName().toString();
    ValidationOutput output = json ? ValidationOutput.json : format;
    PolicySource source;
    try {
      source = PolicySource.load(file);
    } catch (StorageException e) {
      findings.add(
          ValidationFinding.error(
              name, "the workspace's policies cannot be read: " + e.getMessage()));
      return finish(
          output, ExitStatus.COULD_NOT_RUN, name + ": invalid (the workspace is damaged)");
    } catch (ConfigFormatException e) {
      e.problems().forEach(problem -> findings.add(ValidationFinding.of(problem, name)));
      return finish(
          output,
          ExitStatus.FAILED,
          name + ": invalid (" + count(e.problems().size(), "problem") + ")");
    }
    source.warnings().forEach(w -> findings.add(ValidationFinding.warning(name, w)));
    ConfigLocations locations =
        source.kind() == PolicySource.Kind.WORKSPACE
            ? ConfigLocations.none()
            : ConfigLocations.of(name, PolicySource.readText(file));
    List<ValidationFinding> policyFindings =
        PolicyValidator.validate(source.document()).issues().stream()
            .map(issue -> ValidationFinding.of(issue, name, locations))
            .toList();
    if (source.kind() == PolicySource.Kind.WORKSPACE) {
      List<String> damage = WorkspaceFiles.readingWorkspace(file, ValidateCommand::unreadableParts);
      if (!damage.isEmpty()) {
        damage.forEach(problem -> findings.add(ValidationFinding.error(name, problem)));
        return finish(
            output,
            ExitStatus.COULD_NOT_RUN,
            name
                + ": invalid (the workspace is damaged: "
                + count(damage.size(), "part")
                + " cannot be read; restore it from a backup or export what can be read)");
      }
      findings.addAll(suiteFindings(name, source));
    }
    findings.addAll(policyFindings);
    long errors = findings.stream().filter(ValidationFinding::isError).count();
    long warnings = findings.size() - errors;
    if (errors > 0) {
      return finish(
          output,
          ExitStatus.FAILED,
          name + ": invalid (" + count(errors, "error") + ", " + count(warnings, "warning") + ")");
    }
    int routes = source.document().taxonomy().policies().size();
    return finish(
        output,
        ExitStatus.OK,
        name
            + ": valid ("
            + count(routes, "route")
            + ", "
            + source.document().targets().size()
            + " targets, "
            + count(warnings, "warning")
            + ")");
  }

  private int finish(ValidationOutput output, ExitStatus status, String verdict) {
    output.write(
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        file.toString(),
        findings,
        status == ExitStatus.OK,
        verdict);
    return status.code();
  }

  private List<ValidationFinding> suiteFindings(String name, PolicySource source) {
    return WorkspaceFiles.readingWorkspace(
        file,
        workspace -> {
          var found = new ArrayList<ValidationFinding>();
          for (var summary : workspace.suites().listSuites()) {
            var suite = workspace.suites().findSuite(summary.id()).orElseThrow();
            String suiteSource = name + " suite \"" + suite.name() + "\"";
            for (ValidationIssue issue :
                SuiteValidator.validate(suite, source.document().taxonomy().routeNames())
                    .issues()) {
              found.add(ValidationFinding.of(issue, suiteSource, ConfigLocations.none()));
            }
          }
          return found;
        });
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

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
