package io.routebench.app.cli;

import io.routebench.app.settings.AppPaths;
import io.routebench.app.workspace.WorkspaceAccessException;
import io.routebench.app.workspace.WorkspaceEditLock;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.suite.jsonl.LineError;
import io.routebench.core.suite.jsonl.SuiteJsonlReader;
import io.routebench.core.suite.jsonl.SuiteJsonlResult;
import io.routebench.core.validation.SuiteValidator;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(
      names = "--workspace",
      required = true,
      paramLabel = "W",
      description = "the *.routebench workspace")
  Path workspaceFile;

  @Option(
      names = "--suite",
      paramLabel = "NAME",
      description = "suite to create or extend (JSONL; default: the file name)")
  String suiteName;

  @Option(names = "--skip-bad", description = "JSONL: import the good lines even when some are bad")
  boolean skipBad;

  @Option(names = "--replace", description = "policies: replace the workspace's existing taxonomy")
  boolean replace;

  @Override
  public Integer call() throws IOException {
    if (file.getFileName().toString().endsWith(".jsonl")) {
      return importSuite();
    }
    return importPolicies();
  }

  private int importPolicies() {
    PrintWriter err = spec.commandLine().getErr();
    PolicySource source = PolicySource.load(file);
    source.warnings().forEach(w -> err.println("warning: " + w));
    // The workbench saves its whole document with every edit: replacing the policies under it
    // would be undone by its next save, so a workspace open there is refused.
    WorkspaceEditLock lock;
    try {
      lock = WorkspaceEditLock.acquire(workspaceFile, AppPaths.fromSystem().lockDir());
    } catch (WorkspaceAccessException e) {
      throw CliFailure.problems(e.getMessage());
    }
    try (lock) {
      return importPolicies(source);
    }
  }

  private int importPolicies(PolicySource source) {
    return WorkspaceFiles.withNewOrExistingWorkspace(
        workspaceFile,
        workspace -> {
          PolicyDocument current = workspace.policies().load();
          if (!current.taxonomy().domains().isEmpty() && !replace) {
            throw CliFailure.problems(
                workspaceFile
                    + " already has "
                    + current.taxonomy().policies().size()
                    + " routes; pass --replace to overwrite them with "
                    + file.getFileName());
          }
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
                      + workspaceFile);
          return 0;
        });
  }

  private int importSuite() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    SuiteJsonlResult parsed;
    try {
      parsed = SuiteJsonlReader.read(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw CliFailure.problems(file + ": no such file");
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
    String suite = suiteName != null ? suiteName : name.replaceFirst("(\\.suite)?\\.jsonl$", "");
    return WorkspaceFiles.withNewOrExistingWorkspace(
        workspaceFile,
        workspace -> {
          TestSuiteRepository suites = workspace.suites();
          TestSuite target =
              suites
                  .findSuiteByName(suite)
                  .orElseGet(() -> suites.createSuite(suite, "Imported from " + name));
          suites.addCases(target.id(), parsed.cases());
          TestSuite stored = suites.findSuite(target.id()).orElseThrow();
          ValidationReport report =
              SuiteValidator.validate(stored, workspace.policies().load().taxonomy().routeNames());
          report
              .issues()
              .forEach(
                  issue ->
                      err.println(
                          "warning: suite \""
                              + suite
                              + "\": "
                              + issue.path()
                              + ": "
                              + issue.message()));
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
}
