package io.routebench.app.shell;

import io.routebench.app.AppVersion;
import io.routebench.app.settings.AppPaths;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Help ▸ About: the version and where RouteBench keeps its files. */
final class AboutDialog {

  private AboutDialog() {}

  static void show(Window owner, AppPaths paths) {
    var alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(owner);
    alert.setTitle("About RouteBench");
    alert.setHeaderText("RouteBench " + AppVersion.current());
    var text =
        new Label(
            "A workbench for preference-aligned LLM routing with Arch-Router-1.5B:"
                + " design Domain → Action policies, test them, export them for archgw or plano.\n\n"
                + "Java "
                + Runtime.version()
                + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "?")
                + "\n\nWorkspaces: "
                + paths.workspaceDir()
                + "\nModels: "
                + paths.modelDir()
                + "\nLogs: "
                + paths.logDir()
                + "\nSettings: "
                + paths.settingsFile());
    text.setWrapText(true);
    text.setMaxWidth(520);
    alert.getDialogPane().setContent(text);
    // Without a preferred width the dialog grows to the longest line instead of wrapping it.
    alert.getDialogPane().setPrefWidth(580);
    alert.showAndWait();
  }
}
