package io.routebench.app.shell;

import io.routebench.app.icons.Icons;
import io.routebench.app.workspace.WorkspaceSession;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * The line that tells a user, before any edit, that a workspace opened from a read-only place
 * cannot keep their edits: saving would otherwise fail only at the first change.
 */
final class ReadOnlyBanner {

  private ReadOnlyBanner() {}

  /** {@code content} itself when the workspace is writable, else it below a banner. */
  static Node above(Node content, WorkspaceSession session) {
    if (!session.isReadOnly()) {
      return content;
    }
    var banner =
        new Label(
            "Read-only: "
                + session.path()
                + " is in a place RouteBench cannot write (a read-only file, folder or disk)."
                + " You can look, playtest and export, but edits are not saved. To edit it, copy"
                + " the file somewhere writable and open the copy.");
    banner.setId("readOnlyBanner");
    Icons.on(banner, Feather.LOCK);
    banner.setWrapText(true);
    banner.setMaxWidth(Double.MAX_VALUE);
    banner.getStyleClass().add("read-only-banner");
    var pane = new BorderPane(content);
    pane.setTop(banner);
    return pane;
  }
}
