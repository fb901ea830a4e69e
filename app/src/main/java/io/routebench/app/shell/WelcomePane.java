package io.routebench.app.shell;

import io.routebench.app.icons.Icons;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** What the window shows with no workspace open: how to start, and the recent workspaces. */
final class WelcomePane {

  private final Consumer<Path> openRecent;
  private final VBox recent = new VBox(2);
  private final StackPane root = new StackPane();

  WelcomePane(
      Runnable newWorkspace,
      Runnable openWorkspace,
      Consumer<Path> openRecent,
      ReadOnlyBooleanProperty busy) {
    var title = new Label("RouteBench");
    title.getStyleClass().add("welcome-title");
    var tagline =
        new Label(
            "Design routing policies as domains and actions, test them against Arch-Router,"
                + " and export a validated config for archgw or plano.");
    tagline.setWrapText(true);
    tagline.setMaxWidth(520);
    var create = Icons.on(new Button("New workspace…"), Feather.FILE_PLUS);
    create.setId("welcomeNewButton");
    create.setDefaultButton(true);
    create.setOnAction(e -> newWorkspace.run());
    var open = Icons.on(new Button("Open workspace…"), Feather.FOLDER);
    open.setId("welcomeOpenButton");
    open.setOnAction(e -> openWorkspace.run());
    this.openRecent = openRecent;
    var content = new VBox(14, title, tagline, new HBox(8, create, open), recent);
    content.setAlignment(Pos.CENTER_LEFT);
    content.setMaxWidth(560);
    content.setPadding(new Insets(24));
    content.disableProperty().bind(busy);

    var loading = new ProgressIndicator();
    loading.visibleProperty().bind(busy);
    loading.setMaxSize(48, 48);
    root.getChildren().addAll(content, loading);
    root.getStyleClass().add("welcome");
  }

  Node root() {
    return root;
  }

  void showRecent(List<Path> workspaces) {
    recent.getChildren().clear();
    if (workspaces.isEmpty()) {
      return;
    }
    var heading = new Label("Recent workspaces");
    heading.getStyleClass().add("panel-title");
    recent.getChildren().add(heading);
    for (Path workspace : workspaces) {
      var link = new Hyperlink(workspace.toString());
      // A long path is cut at its start, where the folders are; the file name stays.
      link.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
      link.setTooltip(new Tooltip(workspace.toString()));
      link.setOnAction(e -> openRecent.accept(workspace));
      recent.getChildren().add(link);
    }
  }
}
