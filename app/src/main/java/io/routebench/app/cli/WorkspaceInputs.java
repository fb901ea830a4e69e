package io.routebench.app.cli;

import io.routebench.core.suite.TestSuite;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.storage.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What the commands that route a workspace's suite (doctor, parity, test) read first, refused the
 * same way by each: policies with errors are listed and never routed, and a suite name that is not
 * in the workspace is said as such.
 */
final class WorkspaceInputs {

  private WorkspaceInputs() {}

  /**
   * The workspace's policies; with errors, they go to {@code err} as {@code validate} prints them
   * and the command ends (exit 1), saying to fix them {@code before} what it was about to do.
   */
  static PolicyDocument validPolicies(
      Workspace workspace, Path workspaceFile, PrintWriter err, String before) {
    PolicyDocument document = workspace.policies().load();
    ValidationReport report = PolicyValidator.validate(document);
    if (report.hasErrors()) {
      err.print(report.format(workspaceFile.getFileName().toString()));
      throw CliFailure.problems(
          "the workspace's policies have errors (above): fix them before " + before);
    }
    return document;
  }

  /**
   * The suite named {@code name}; without one, the command ends as a usage error (exit 2), as a
   * named file or run that is not there does.
   */
  static TestSuite suiteNamed(Workspace workspace, Path workspaceFile, String name) {
    return workspace
        .suites()
        .findSuiteByName(name)
        .orElseThrow(
            () ->
                new CliFailure(
                    "no suite named \"" + name + "\" in " + workspaceFile, ExitStatus.USAGE));
  }
}
