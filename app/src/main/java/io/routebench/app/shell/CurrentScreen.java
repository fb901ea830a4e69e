package io.routebench.app.shell;

import io.routebench.app.transfer.PolicyTransfers;
import io.routebench.app.workspace.WorkspaceSession;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.layout.BorderPane;

/**
 * The middle of the window: the open workspace's screen, or the welcome pane when none is open. A
 * workspace's screen is built when it opens and disposed when another takes its place, and what the
 * menus need to know of it (is there one, can it import or export now) follows.
 */
final class CurrentScreen {

  private final BorderPane window;
  private final WelcomePane welcome;
  private final WorkspaceScreen.Shared shared;
  private final Supplier<List<Path>> recentWorkspaces;
  private final ReadOnlyBooleanWrapper noWorkspace = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyBooleanWrapper noTransfer = new ReadOnlyBooleanWrapper(true);

  /** The open workspace's screen, or {@code null}. */
  private WorkspaceScreen screen;

  /**
   * @param window the window's layout, whose centre this fills
   * @param shared the window-wide parts every workspace's screen uses
   * @param recentWorkspaces what the welcome pane offers to open
   */
  CurrentScreen(
      BorderPane window,
      WelcomePane welcome,
      WorkspaceScreen.Shared shared,
      Supplier<List<Path>> recentWorkspaces) {
    this.window = window;
    this.welcome = welcome;
    this.shared = shared;
    this.recentWorkspaces = recentWorkspaces;
  }

  /** Shows {@code session}'s screen, or the welcome pane when {@code session} is {@code null}. */
  void show(WorkspaceSession session) {
    noWorkspace.set(session == null);
    noTransfer.unbind();
    if (screen != null) {
      screen.dispose();
    }
    if (session == null) {
      screen = null;
      noTransfer.set(true);
      welcome.showRecent(recentWorkspaces.get());
      window.setCenter(welcome.root());
      shared.statusBar().show(null, null, null);
      shared.statusMessages().clear();
      return;
    }
    screen = new WorkspaceScreen(session, shared);
    noTransfer.bind(screen.transfers().busyProperty());
    window.setCenter(screen.root());
  }

  /** Whether no workspace is open. */
  ReadOnlyBooleanProperty noWorkspaceProperty() {
    return noWorkspace.getReadOnlyProperty();
  }

  /** Whether import and export are unavailable: no workspace, or one under way. */
  ReadOnlyBooleanProperty noTransferProperty() {
    return noTransfer.getReadOnlyProperty();
  }

  /** The open workspace's pane, or {@code null}. */
  WorkspacePane pane() {
    return screen == null ? null : screen.pane();
  }

  /** Import and export for the open workspace, or {@code null}. */
  PolicyTransfers transfers() {
    return screen == null ? null : screen.transfers();
  }

  /** Runs {@code command} on the open workspace's pane; does nothing without a workspace. */
  void withPane(Consumer<WorkspacePane> command) {
    if (screen != null) {
      command.accept(screen.pane());
    }
  }
}
