package io.routebench.app.collision;

import io.routebench.core.collision.CollisionReport;
import io.routebench.core.routing.DecisionOutcome;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The policy collision check as a window: run it, watch it progress, cancel it, and read the matrix
 * of which route answered which route's description. A cell off the diagonal that is not empty is a
 * collision and is highlighted.
 */
public final class CollisionCheckDialog {

  private final CollisionCheckViewModel viewModel;
  private final GridPane matrix = new GridPane();
  private final VBox collisions = new VBox(2);
  private final VBox root;
  private final Button doctor = new Button("Propose verified edits…");

  /** Closes the window (Esc too); a check still running is cancelled with it. */
  private final Button close = new Button("Close");

  public CollisionCheckDialog(CollisionCheckViewModel viewModel) {
    this.viewModel = viewModel;
    var message = new Label();
    message.setId("collisionMessage");
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.textProperty().bind(viewModel.messageProperty());
    var progress = new ProgressBar();
    progress.setId("collisionProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(viewModel.progressProperty());
    progress
        .visibleProperty()
        .bind(viewModel.stateProperty().isEqualTo(CollisionCheckViewModel.State.RUNNING));
    progress.managedProperty().bind(progress.visibleProperty());
    var run = new Button("Run check");
    run.setId("collisionRunButton");
    run.setDefaultButton(true);
    run.setOnAction(e -> viewModel.run());
    run.disableProperty()
        .bind(viewModel.stateProperty().isEqualTo(CollisionCheckViewModel.State.RUNNING));
    var cancel = new Button("Cancel");
    cancel.setId("collisionCancelButton");
    cancel.setOnAction(e -> viewModel.cancel());
    cancel.disableProperty().bind(run.disableProperty().not());
    doctor.setId("collisionDoctorButton");
    doctor.setVisible(false);
    doctor.setManaged(false);
    var buttons = new HBox(6, run, cancel, doctor);
    buttons.setAlignment(Pos.CENTER_LEFT);
    close.setId("collisionCloseButton");
    close.setCancelButton(true);
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var footer = new HBox(6, spacer, close);

    matrix.setId("collisionMatrix");
    matrix.setHgap(10);
    matrix.setVgap(4);
    // Never narrower than its names and counts: a wide matrix scrolls sideways instead.
    matrix.setMinWidth(Region.USE_PREF_SIZE);
    var help =
        new Label(
            "Rows: the route whose description was sent as a user message. Columns: the route the"
                + " router chose. Each description belongs on the diagonal.");
    help.setWrapText(true);
    help.setMinHeight(Region.USE_PREF_SIZE);
    help.getStyleClass().add("help");
    var scroll = new ScrollPane(new VBox(10, matrix, collisions));
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    root = new VBox(8, message, buttons, progress, help, scroll, footer);
    root.setPadding(new Insets(12));
    root.setPrefSize(820, 480);
    viewModel.reportProperty().addListener((obs, old, now) -> show(now));
  }

  public Node root() {
    return root;
  }

  /**
   * Offers the description doctor once collisions are found: {@code treat} proposes edits to the
   * colliding descriptions and verifies each with the router.
   */
  public CollisionCheckDialog offerDoctor(Runnable treat) {
    doctor.setOnAction(e -> treat.run());
    viewModel
        .reportProperty()
        .addListener(
            (obs, old, now) -> {
              boolean found = now != null && !now.collisions().isEmpty();
              doctor.setVisible(found);
              doctor.setManaged(found);
            });
    return this;
  }

  /** Opens the check in its own window beside {@code owner}; it runs at once. */
  public void open(Window owner) {
    var stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle("Policy collision check");
    var scene = new Scene(new VBox(root));
    VBox.setVgrow(root, Priority.ALWAYS);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    close.setOnAction(e -> stage.close());
    stage.setOnHidden(e -> viewModel.cancel());
    stage.show();
    viewModel.run();
  }

  /**
   * A route's name turned upright: a column is then as narrow as its counts, so a dozen routes fit
   * the window and no name is cut to "…" (the grid would share the width out and cut them all).
   */
  private static Node columnHeading(String route) {
    var heading = new Label(route);
    heading.getStyleClass().add("collision-column");
    heading.setStyle("-fx-font-weight: bold;");
    heading.setMinWidth(Region.USE_PREF_SIZE);
    heading.setRotate(-90);
    var upright = new Group(heading);
    GridPane.setValignment(upright, javafx.geometry.VPos.BOTTOM);
    GridPane.setHalignment(upright, javafx.geometry.HPos.CENTER);
    return upright;
  }

  private void show(CollisionReport report) {
    matrix.getChildren().clear();
    collisions.getChildren().clear();
    if (report == null) {
      return;
    }
    List<String> columns = report.columns();
    var corner = new Label("description of ↓  answered →");
    corner.getStyleClass().add("help");
    matrix.add(corner, 0, 0);
    for (int c = 0; c < columns.size(); c++) {
      matrix.add(columnHeading(columns.get(c)), c + 1, 0);
    }
    List<String> rows = report.rows();
    for (int r = 0; r < rows.size(); r++) {
      String row = rows.get(r);
      matrix.add(new Label(row), 0, r + 1);
      for (int c = 0; c < columns.size(); c++) {
        int count = report.count(row, columns.get(c));
        var cell = new Label(count == 0 ? "·" : Integer.toString(count));
        cell.setId("collisionCell-" + r + "-" + c);
        if (count > 0) {
          cell.getStyleClass().add(columns.get(c).equals(row) ? "collision-hit" : "collision-miss");
        }
        matrix.add(cell, c + 1, r + 1);
      }
    }
    for (CollisionReport.Probe probe : report.collisions()) {
      String advice =
          report.routes().contains(probe.answeredRoute())
              ? "Sharpen one of the two descriptions."
              : probe.decision().outcome() == DecisionOutcome.PROXY_ERROR
                  ? "The proxy could not parse that answer and would fail the request with HTTP"
                      + " 500."
                  : "The router found no route for it: describe the requests this route should"
                      + " get.";
      var line =
          new Label(
              "“"
                  + probe.route()
                  + "”: its description went to “"
                  + probe.answeredRoute()
                  + "” (raw output "
                  + probe.decision().answer().rawOutput()
                  + "). "
                  + advice);
      line.setWrapText(true);
      line.setMinHeight(Region.USE_PREF_SIZE);
      collisions.getChildren().add(line);
    }
    for (String route : report.unprobed()) {
      var line = new Label("“" + route + "” has no description, so nothing was sent for it.");
      line.getStyleClass().add("help");
      collisions.getChildren().add(line);
    }
  }
}
