package io.routebench.app.cli;

import io.routebench.app.settings.AppPaths;
import io.routebench.app.workspace.WorkspaceAccessException;
import io.routebench.app.workspace.WorkspaceEditLock;
import io.routebench.core.config.ConfigFormatException;
import io.routebench.core.config.ImportChanges;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.jsonl.LineError;
import io.routebench.core.suite.jsonl.SuiteJsonlReader;
import io.routebench.core.suite.jsonl.SuiteJsonlResult;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.Severity;
import io.routebench.core.validation.SuiteValidator;
import io.routebench.core.validation.ValidationIssue;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Imports into a workspace (created when missing): a proxy config (archgw or"
            + " plano) or a policy document becomes its policies; a JSONL file becomes (or"
            + " extends) a test suite.")
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "config.yaml, *.policy.yaml or *.jsonl")
  Path file;

  @Mixin WorkspaceOption workspace;

  private Path workspaceFile;

  @Option(
      names = "--suite",
      paramLabel = "NAME",
      description = "suite to create or extend (JSONL; default: the file name)")
  String suiteName;

  @Option(names = "--skip-bad", description = "JSONL: import the good lines even when some are bad")
  boolean skipBad;

  @Option(names = "--replace", description = "policies: replace the workspace's existing taxonomy")
  boolean replace;

  @Option(
      names = "--allow-problems",
      description =
          "import even when validation finds errors (listed as validate lists them), to"
              + " fix them in the workbench; literal secrets are refused regardless.")
  boolean allowProblems;

  @Override
  public Integer call() throws IOException {
    workspaceFile = workspace.file;
    if (file.getFileName().toString().endsWith(".jsonl")) {
      return importSuite();
    }
    return importPolicies();
  }

  /**
   * Checks everything before writing anything: the file's problems are printed as {@code validate}
   * prints them, a literal secret refuses the import outright (it would be stored), and other
   * errors refuse it unless {@code --allow-problems}. Then one save, in one transaction.
   */
  private int importPolicies() {
    PrintWriter err = spec.commandLine().getErr();
    String name = file.getFileName().toString();
    PolicySource source;
    try {
      source = PolicySource.load(file);
    } catch (ConfigFormatException e) {
      // Printed as validate prints it: every problem with its line and column.
      e.problems()
          .forEach(p -> err.println(ValidationOutput.textLine(ValidationFinding.of(p, name))));
      throw CliFailure.problems(
          name
              + " cannot be read ("
              + count(e.problems().size(), "problem")
              + "); nothing imported");
    }
    source.warnings().forEach(w -> err.println("warning: " + w));
    ValidationReport report = PolicyValidator.validate(source.document());
    err.print(report.format(name));
    err.flush();
    long secrets = report.errors().stream().filter(PolicyValidator::isSecret).count();
    if (secrets > 0) {
      throw CliFailure.problems(
          count(secrets, "literal secret")
              + " in "
              + name
              + " (listed above); nothing imported. RouteBench never stores secrets: replace each"
              + " with an environment reference such as $OPENAI_API_KEY, which the proxy reads at"
              + " run time");
    }
    refuseErrors(name, report.errors().size());
    // The workbench saves its whole document with every edit: replacing the policies under it
    // would be undone by its next save, so a workspace open there is refused.
    WorkspaceEditLock lock;
    try {
      lock = WorkspaceEditLock.acquire(workspaceFile, AppPaths.fromSystem().lockDir());
    } catch (WorkspaceAccessException e) {
      throw CliFailure.couldNotRun(e.getMessage());
    }
    try (lock) {
      return importPolicies(source, report);
    }
  }

  private void refuseErrors(String name, int errors) {
    if (errors > 0 && !allowProblems) {
      throw CliFailure.problems(
          name
              + " has "
              + count(errors, "error")
              + " (listed above); nothing imported. Fix them, or pass --allow-problems to import"
              + " them and fix them in the workbench");
    }
  }

  private int importPolicies(PolicySource source, ValidationReport report) {
    if (Files.exists(workspaceFile)) {
      // Checked before the write, so a refused import leaves the workspace as it was.
      PolicyDocument current =
          WorkspaceFiles.withWorkspace(workspaceFile, workspace -> workspace.policies().load());
      int existing = current.taxonomy().policies().size();
      if (existing > 0 && replace) {
        // What the replaced policies lose or gain, as the workbench's import preview lists it.
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines =
            ImportChanges.between(current, source.document(), source.warnings()).lines();
        out.println(
            lines.isEmpty()
                ? "the workspace's policies already are those of " + file.getFileName()
                : "replacing the workspace's policies:");
        lines.forEach(line -> out.println("  " + line));
      }
      if (existing > 0 && !replace) {
        throw CliFailure.problems(
            workspaceFile
                + " already has "
                + existing
                + " routes; pass --replace to overwrite them with "
                + file.getFileName());
      }
    }
    return WorkspaceFiles.withNewOrExistingWorkspace(
        workspaceFile,
        workspace -> {
          workspace.policies().save(source.document());
          spec.commandLine()
              .getOut()
              .println(
                  "imported "
                      + source.document().taxonomy().policies().size()
                      + " routes and "
                      + source.document().targets().size()
                      + " targets from "
                      + file.getFileName()
                      + " into "
                      + workspaceFile
                      + (report.hasErrors()
                          ? " with " + count(report.errors().size(), "error") + " to fix"
                          : ""));
          return 0;
        });
  }

  /**
   * Reads and checks the whole file against the workspace's routes first, then stores the cases
   * (and the suite, when new) in one transaction: a refused or failed import leaves no suite and no
   * case behind. Problems name the file's line, as bad lines do.
   */
  private int importSuite() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    SuiteJsonlResult parsed;
    try {
      parsed = SuiteJsonlReader.read(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw CliFailure.usage(file + ": no such file");
    }
    String name = file.getFileName().toString();
    for (LineError error : parsed.errors()) {
      err.println(error.format(name));
    }
    if (parsed.hasErrors() && !skipBad) {
      throw CliFailure.problems(
          parsed.errors().size()
              + " bad line(s) in "
              + name
              + "; nothing imported. Fix them, or pass --skip-bad to import the "
              + parsed.cases().size()
              + " good case(s)");
    }
    if (parsed.cases().isEmpty()) {
      throw CliFailure.problems(
          name + " has no good case to import; nothing imported (no suite was created)");
    }
    String suite = suiteName != null ? suiteName : name.replaceFirst("(\\.suite)?\\.jsonl$", "");
    List<String> routes =
        Files.exists(workspaceFile)
            ? WorkspaceFiles.withWorkspace(
                workspaceFile, workspace -> workspace.policies().load().taxonomy().routeNames())
            : List.of();
    ValidationReport report =
        SuiteValidator.validate(new TestSuite("import", suite, "", parsed.cases()), routes);
    for (ValidationIssue issue : report.issues()) {
      err.println(located(name, parsed, issue));
    }
    long secrets = report.errors().stream().filter(PolicyValidator::isSecret).count();
    if (secrets > 0) {
      throw CliFailure.problems(
          count(secrets, "literal secret")
              + " in "
              + name
              + " (listed above); nothing imported. RouteBench never stores secrets: replace each"
              + " with a stand-in such as sk-EXAMPLE");
    }
    refuseErrors(name, report.errors().size());
    return WorkspaceFiles.withNewOrExistingWorkspace(
        workspaceFile,
        workspace -> {
          workspace.suites().addCasesToSuiteNamed(suite, "Imported from " + name, parsed.cases());
          spec.commandLine()
              .getOut()
              .println(
                  "imported "
                      + parsed.cases().size()
                      + " case(s) into suite \""
                      + suite
                      + "\" of "
                      + workspaceFile
                      + (parsed.hasErrors()
                          ? " (skipped " + parsed.errors().size() + " bad line(s))"
                          : ""));
          return 0;
        });
  }

  private static final Pattern CASE_PATH = Pattern.compile("cases\\[(\\d+)](?:\\.(.*))?");

  /** {@code cases[3].messages[0].expected_route} becomes the line case 3 was read from. */
  private static String located(String name, SuiteJsonlResult parsed, ValidationIssue issue) {
    String severity = issue.severity() == Severity.ERROR ? "error" : "warning";
    Matcher at = CASE_PATH.matcher(issue.path());
    if (!at.matches()) {
      return name + ": " + severity + ": " + issue.path() + ": " + issue.message();
    }
    int line = parsed.lineOf(Integer.parseInt(at.group(1)));
    String inside = at.group(2) == null ? "" : at.group(2) + ": ";
    return name + ": line " + line + ": " + severity + ": " + inside + issue.message();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
