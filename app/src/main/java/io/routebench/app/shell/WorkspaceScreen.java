package io.routebench.app.shell;

import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.playtest.PlaytestMemory;
import io.routebench.app.playtest.PlaytestViewModel;
import io.routebench.app.playtest.TargetReplies;
import io.routebench.app.routing.RouterModelBar;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.suites.SuitesTab;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.transfer.ImportPreviewDialog;
import io.routebench.app.transfer.PolicyTransfers;
import io.routebench.app.workspace.SaveState;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.inference.remote.StreamingChatClient;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * Everything the window shows and runs for one open workspace: its tabs, its import and export, and
 * what its autosaver and transfers tell the status bar. Built when a workspace opens and disposed
 * when it closes, so that nothing of a closed workspace keeps listening to the shared parts (the
 * router, the status bar).
 */
final class WorkspaceScreen {

  /** The window-wide parts a workspace screen uses and must let go of when it is disposed. */
  record Shared(
      Stage stage,
      SettingsStore settings,
      ErrorReporter errors,
      Supplier<String> ids,
      TaskExecutor fileTransfers,
      MainWindow.Playtesting playtesting,
      StreamingChatClient chatClient,
      RouterModelBar modelBar,
      StatusBar statusBar,
      StatusMessages statusMessages) {}

  private final WorkspaceSession session;
  private final Shared shared;
  private final WorkspacePane pane;
  private final PolicyTransfers transfers;
  private final ChangeListener<String> transferMessages;
  private final ChangeListener<SaveState> saveFailures;
  private final PlaytestMemory playtestMemory;

  /** One dialog per run of failed saves; reset when a save succeeds again. */
  private boolean saveFailureReported;

  WorkspaceScreen(WorkspaceSession session, Shared shared) {
    this.session = session;
    this.shared = shared;
    var router = shared.playtesting().router();
    pane =
        new WorkspacePane(
            session,
            shared.settings(),
            shared.ids(),
            new PlaytestViewModel(
                session.editor(),
                router,
                session::addTestCase,
                shared.playtesting().typingTimer(),
                new TargetReplies(shared.chatClient(), shared.fileTransfers())),
            shared.modelBar(),
            new SuitesTab.Running(router, shared.fileTransfers(), shared.chatClient()));
    Stage stage = shared.stage();
    transfers =
        new PolicyTransfers(
            session.editor(),
            shared.fileTransfers(),
            shared.errors(),
            (name, imported, changes, accept) ->
                new ImportPreviewDialog(
                        name,
                        imported.document(),
                        changes,
                        accept,
                        stage,
                        stage.getScene().getStylesheets())
                    .show());
    shared.statusBar().show(session, pane.validation(), pane.playtest());
    shared.statusMessages().clear();
    StatusMessages messages = shared.statusMessages();
    transferMessages =
        (obs, old, now) -> {
          if (now.isEmpty()) {
            messages.withdraw(old);
          } else {
            messages.show(now);
          }
        };
    transfers.outcomeProperty().addListener(transferMessages);
    saveFailures = (obs, old, now) -> reportSaveFailure(now);
    session.autosaver().stateProperty().addListener(saveFailures);
    playtestMemory =
        new PlaytestMemory(
            pane.playtest(),
            session.file().playtest(),
            session.fileTasks(),
            failure ->
                messages.show(
                    "The playtest conversation could not be kept in "
                        + session.path().getFileName()
                        + ": "
                        + failure.getMessage()));
    session.notices().forEach(messages::show);
    playtestMemory.restore(!session.isReadOnly());
    if (!session.isReadOnly()) {
      session.beforeClose(playtestMemory::flushAndStop);
    }
  }

  /** The tabs, under a banner when the workspace cannot be written. */
  Node root() {
    return ReadOnlyBanner.above(pane.root(), session);
  }

  WorkspacePane pane() {
    return pane;
  }

  PolicyTransfers transfers() {
    return transfers;
  }

  void dispose() {
    transfers.outcomeProperty().removeListener(transferMessages);
    session.autosaver().stateProperty().removeListener(saveFailures);
    playtestMemory.dispose();
    pane.dispose();
  }

  private void reportSaveFailure(SaveState state) {
    if (state == SaveState.SAVED) {
      saveFailureReported = false;
    } else if (state == SaveState.FAILED && !saveFailureReported) {
      saveFailureReported = true;
      shared
          .errors()
          .showError(
              "Your changes are not being saved",
              session.path()
                  + " did not accept the last change: "
                  + session.autosaver().failureProperty().get()
                  + "\nRouteBench keeps your edits in memory and tries again with each new edit."
                  + " If this keeps happening, check the disk and the file's permissions.",
              null);
    }
  }
}
