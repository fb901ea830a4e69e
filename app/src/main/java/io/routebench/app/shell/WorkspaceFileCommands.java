package io.routebench.app.shell;

import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.transfer.ExportChoice;
import io.routebench.app.transfer.ExportDialog;
import io.routebench.app.transfer.ExportFormat;
import io.routebench.app.transfer.ExportPreview;
import io.routebench.app.transfer.ExportRunStatus;
import io.routebench.app.workspace.WorkspaceManager;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;

/**
 * The File menu's commands that ask which file: create or open a workspace, import policies or test
 * cases, export them. Each chooser starts in the open workspace's folder, or the default workspace
 * folder.
 */
final class WorkspaceFileCommands {

  private final Stage stage;
  private final WorkspaceManager workspaces;
  private final SettingsStore settings;
  private final ErrorReporter errors;
  private final CurrentScreen current;
  private final FileChoosers choosers;

  WorkspaceFileCommands(
      Stage stage,
      WorkspaceManager workspaces,
      SettingsStore settings,
      ErrorReporter errors,
      CurrentScreen current) {
    this.stage = stage;
    this.workspaces = workspaces;
    this.settings = settings;
    this.errors = errors;
    this.current = current;
    choosers =
        new FileChoosers(
            stage,
            () ->
                workspaces
                    .current()
                    .map(s -> s.path().getParent())
                    .orElse(workspaces.workspaceDir()));
  }

  void newWorkspace() {
    Path target = choosers.newWorkspace().orElse(null);
    if (target == null) {
      return;
    }
    if (Files.exists(target)) {
      errors.showError(
          "Cannot create workspace",
          target
              + " already exists. RouteBench never overwrites a workspace: choose another name,"
              + " or open this one with File ▸ Open.",
          null);
      return;
    }
    workspaces.create(target);
  }

  void openWorkspace() {
    choosers.openWorkspace().ifPresent(workspaces::open);
  }

  void importPolicies() {
    var transfers = current.transfers();
    if (transfers == null) {
      return;
    }
    choosers.policiesToImport().ifPresent(transfers::importFrom);
  }

  /**
   * Opens the export dialog on {@code format}, or does nothing without a workspace.
   *
   * @return the dialog shown, or {@code null}
   */
  ExportDialog openExport(ExportFormat format) {
    var transfers = current.transfers();
    var session = workspaces.current().orElse(null);
    if (transfers == null || session == null) {
      return null;
    }
    var dialog =
        new ExportDialog(
            new ExportPreview(session.editor(), ExportChoice.of(format)),
            new ExportRunStatus(
                session.editor(),
                () -> session.file().suites(),
                () -> session.file().runs(),
                session.fileTasks()),
            transfers,
            session::displayName,
            () ->
                settings.current().exportFolder() != null
                    ? settings.current().exportFolder()
                    : session.path().toAbsolutePath().getParent(),
            folder -> settings.update(s -> s.withExportFolder(folder)),
            stage,
            stage.getScene().getStylesheets());
    dialog.show();
    return dialog;
  }

  void importTestCases() {
    current.withPane(pane -> choosers.testCasesToImport().ifPresent(pane.suites()::importJsonl));
  }

  void exportTestCases() {
    current.withPane(
        pane ->
            choosers
                .suiteExport(pane.suites().suggestedExportName())
                .ifPresent(pane.suites()::exportJsonl));
  }
}
