package io.routebench.app.cli;

import io.routebench.app.settings.AppPaths;
import io.routebench.app.workspace.WorkspaceAccessException;
import io.routebench.app.workspace.WorkspaceEditLock;
import io.routebench.core.config.ConfigFormatException;
import io.routebench.core.config.ImportChanges;
import io.routebench.core.files.NotARegularFileException;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.jsonl.LineError;
import io.routebench.core.suite.jsonl.SuiteJsonlReader;
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
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
    ValidationReport report = source.validatePrinting(err, name);
    long secrets = PolicySource.literalSecrets(report);
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

  private void refuseErrors(String name, long errors) {
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
          WorkspaceFiles.readingWorkspace(workspaceFile, workspace -> workspace.policies().load());
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
        spec.commandLine().getErr(),
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
   * Reads and checks the whole file against the workspace's routes first, then reads it again and
   * stores each case as it is read, in one transaction (the suite too, when new): a refused or
   * failed import leaves no suite and no case behind. Neither pass keeps the cases, so memory does
   * not grow with the file. Problems name the file's line, as bad lines do.
   */
  private int importSuite() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String name = file.getFileName().toString();
    List<String> routes =
        Files.exists(workspaceFile)
            ? WorkspaceFiles.readingWorkspace(
                workspaceFile, workspace -> workspace.policies().load().taxonomy().routeNames())
            : List.of();
    SuiteValidator.CaseChecker checker = SuiteValidator.forRoutes(routes);
    FileState before = FileState.of(file);
    var check = new SuiteCheck(name, checker, err);
    try {
      SuiteJsonlReader.stream(file, check);
    } catch (java.nio.file.NoSuchFileException e) {
      throw CliFailure.usage(file + ": no such file");
    } catch (NotARegularFileException e) {
      throw CliFailure.problems(e.getMessage());
    }
    err.flush();
    if (check.badLines > 0 && !skipBad) {
      throw CliFailure.problems(
          check.badLines
              + " bad line(s) in "
              + name
              + "; nothing imported. Fix them, or pass --skip-bad to import the "
              + check.goodCases
              + " good case(s)");
    }
    if (check.goodCases == 0) {
      throw CliFailure.problems(
          name + " has no good case to import; nothing imported (no suite was created)");
    }
    if (check.secrets > 0) {
      throw CliFailure.problems(
          count(check.secrets, "literal secret")
              + " in "
              + name
              + " (listed above); nothing imported. RouteBench never stores secrets: replace each"
              + " with a stand-in such as sk-EXAMPLE");
    }
    refuseErrors(name, check.errors);
    String suite = suiteName != null ? suiteName : name.replaceFirst("(\\.suite)?\\.jsonl$", "");
    return WorkspaceFiles.withNewOrExistingWorkspace(
        workspaceFile,
        err,
        workspace -> {
          int stored =
              workspace
                  .suites()
                  .addCasesToSuiteNamed(
                      suite, "Imported from " + name, consumer -> storeAgain(before, consumer));
          spec.commandLine()
              .getOut()
              .println(
                  "imported "
                      + stored
                      + " case(s) into suite \""
                      + suite
                      + "\" of "
                      + workspaceFile
                      + (check.badLines > 0
                          ? " (skipped " + check.badLines + " bad line(s))"
                          : ""));
          return 0;
        });
  }

  /**
   * The second pass: the good lines' cases go to {@code consumer} as they are read. A file that
   * changed since it was checked is refused (the exception rolls the transaction back).
   */
  private void storeAgain(FileState checked, Consumer<TestCase> consumer) {
    try {
      SuiteJsonlReader.stream(
          file,
          new SuiteJsonlReader.CaseSink() {
            @Override
            public void good(int lineNumber, TestCase testCase) {
              consumer.accept(testCase);
            }

            @Override
            public void bad(LineError error) {
              // Reported by the first pass; --skip-bad was given.
            }
          });
      if (!FileState.of(file).equals(checked)) {
        throw new IOException("it changed while it was being imported");
      }
    } catch (IOException e) {
      throw CliFailure.problems(
          file.getFileName() + ": " + e.getMessage() + "; nothing imported, try again");
    }
  }

  /** Size and modification time: enough to notice a file rewritten between the two passes. */
  private record FileState(long size, FileTime modified) {
    static FileState of(Path file) throws IOException {
      return new FileState(Files.size(file), Files.getLastModifiedTime(file));
    }
  }

  /**
   * The first pass: prints every bad line and every problem of the good lines' cases, with its
   * line, as it is read; keeps only counts.
   */
  private static final class SuiteCheck implements SuiteJsonlReader.CaseSink {
    private final String name;
    private final SuiteValidator.CaseChecker checker;
    private final PrintWriter err;
    private final Set<Integer> badLineNumbers = new HashSet<>();
    int badLines;
    int goodCases;
    long errors;
    long secrets;

    SuiteCheck(String name, SuiteValidator.CaseChecker checker, PrintWriter err) {
      this.name = name;
      this.checker = checker;
      this.err = err;
    }

    @Override
    public void good(int lineNumber, TestCase testCase) {
      for (ValidationIssue issue : checker.check(testCase, goodCases)) {
        err.println(located(name, lineNumber, issue));
        if (issue.severity() == Severity.ERROR) {
          errors++;
          if (PolicyValidator.isSecret(issue)) {
            secrets++;
          }
        }
      }
      goodCases++;
    }

    @Override
    public void bad(LineError error) {
      err.println(error.format(name));
      if (badLineNumbers.add(error.lineNumber())) {
        badLines++;
      }
    }
  }

  private static final Pattern CASE_PATH = Pattern.compile("cases\\[(\\d+)](?:\\.(.*))?");

  /** {@code cases[3].messages[0].expected_route} of the case read from {@code line}. */
  private static String located(String name, int line, ValidationIssue issue) {
    String severity = issue.severity() == Severity.ERROR ? "error" : "warning";
    Matcher at = CASE_PATH.matcher(issue.path());
    if (!at.matches()) {
      return name + ": " + severity + ": " + issue.path() + ": " + issue.message();
    }
    String inside = at.group(2) == null ? "" : at.group(2) + ": ";
    return name + ": line " + line + ": " + severity + ": " + inside + issue.message();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
