package io.routebench.app.shell;

import io.routebench.app.settings.SettingsStore;
import io.routebench.app.workspace.WorkspaceManager;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The workbench's window around its content: the stylesheet, the icon, a title naming the open
 * workspace, closing as Quit does (which saves first), and the place and size the user left it at.
 */
final class WorkbenchStage {

  private static final String STYLESHEET = "workbench.css";
  private static final String ICON = "routebench.png";

  private WorkbenchStage() {}

  /**
   * Shows {@code content} in {@code stage}, dressed as the workbench.
   *
   * @param quit what closing the window does
   * @return the window's scene
   */
  static Scene dress(
      Stage stage,
      Parent content,
      WorkspaceManager workspaces,
      SettingsStore settings,
      Runnable quit) {
    var scene = new Scene(content);
    scene.getStylesheets().add(WorkbenchStage.class.getResource(STYLESHEET).toExternalForm());
    stage.setScene(scene);
    var icon = WorkbenchStage.class.getResource(ICON);
    if (icon != null) {
      stage.getIcons().add(new Image(icon.toExternalForm()));
    }
    stage
        .titleProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    workspaces
                        .current()
                        .map(s -> s.displayName() + " — RouteBench")
                        .orElse("RouteBench"),
                workspaces.currentProperty()));
    stage.setOnCloseRequest(
        event -> {
          event.consume();
          quit.run();
        });
    WindowStateKeeper.restore(stage, settings);
    WindowStateKeeper.track(stage, settings);
    return scene;
  }
}
