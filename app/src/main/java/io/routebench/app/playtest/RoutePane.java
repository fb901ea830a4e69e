package io.routebench.app.playtest;

import io.routebench.core.routing.RouteDecision;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The route the router picks for the message being typed: its name, target, outcome and timing,
 * highlighted among all routes; while it decides, the seconds it takes and Cancel.
 */
final class RoutePane {

  private final PlaytestViewModel viewModel;
  private final DraftRoute draftRoute;
  private final ListView<String> routes = new ListView<>();
  private final Label route = new Label();
  private final Label target = new Label();
  private final Label details = new Label();
  private final VBox root;

  RoutePane(PlaytestViewModel viewModel) {
    this.viewModel = viewModel;
    this.draftRoute = viewModel.draftRoute();
    route.setId("playtestRouteLabel");
    route.getStyleClass().add("playtest-route");
    route.setWrapText(true);
    target.setId("playtestTargetLabel");
    target.setWrapText(true);
    details.setWrapText(true);
    details.getStyleClass().add("help");
    var status = new Label();
    status.setId("playtestStatusLabel");
    status.setWrapText(true);
    status.textProperty().bind(draftRoute.statusProperty());
    for (Label wrapping : new Label[] {route, target, details, status}) {
      // In a VBox a wrapping label is otherwise squeezed to one line and cut off.
      wrapping.setMinHeight(Region.USE_PREF_SIZE);
    }
    draftRoute
        .decisionProperty()
        .addListener(
            (obs, old, now) -> {
              show(now);
              routes.refresh();
              if (now != null) {
                routes.scrollTo(now.effectiveRoute());
              }
            });
    draftRoute
        .stateProperty()
        .addListener(
            (obs, old, now) -> {
              route.getStyleClass().remove("superseded");
              if (now == PlaytestState.SUPERSEDED || now == PlaytestState.ROUTING) {
                route.getStyleClass().add("superseded");
              }
            });
    show(draftRoute.decisionProperty().get());

    routes.setId("playtestRoutes");
    routes.setItems(viewModel.routeNames());
    routes.setFocusTraversable(false);
    routes.setCellFactory(list -> routeCell());
    routes.setPrefHeight(160);
    routes.setMinHeight(60);
    VBox.setVgrow(routes, Priority.SOMETIMES);

    var allRoutes = new Label("All routes, in prompt order:");
    allRoutes.setWrapText(true);
    allRoutes.setMinHeight(Region.USE_PREF_SIZE);
    root = new VBox(6, busyLine(), route, target, details, status, allRoutes, routes);
    root.setPadding(new Insets(10));
    root.setMinWidth(180);
  }

  Node root() {
    return root;
  }

  /** "Route", and while the router works: a spinner, the seconds so far and Cancel. */
  private Node busyLine() {
    var heading = new Label("Route");
    heading.getStyleClass().add("details-heading");
    heading.setMinWidth(Region.USE_PREF_SIZE);
    var spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    var elapsed = new Label();
    elapsed.setId("playtestElapsedLabel");
    elapsed.getStyleClass().add("help");
    elapsed.setMinWidth(Region.USE_PREF_SIZE);
    var cancel = new Button("Cancel");
    cancel.setId("playtestCancelButton");
    cancel.setMinWidth(Region.USE_PREF_SIZE);
    cancel.setOnAction(e -> viewModel.cancelRouting());
    for (Node busy : new Node[] {spinner, elapsed, cancel}) {
      busy.visibleProperty().bind(viewModel.routingProperty());
      busy.managedProperty().bind(busy.visibleProperty());
    }
    showElapsed(elapsed);
    var line = new FlowPane(8, 4, heading, spinner, elapsed, cancel);
    line.setAlignment(Pos.CENTER_LEFT);
    return line;
  }

  /** Counts the seconds of the decision under way, so that a slow model shows it is working. */
  private void showElapsed(Label elapsed) {
    var startedAt = new long[1];
    var tick =
        new Timeline(
            new KeyFrame(
                Duration.millis(100),
                e ->
                    elapsed.setText(
                        String.format(
                            Locale.ROOT,
                            "%.1f s",
                            (System.nanoTime() - startedAt[0]) / 1_000_000_000.0))));
    tick.setCycleCount(Animation.INDEFINITE);
    viewModel
        .routingProperty()
        .addListener(
            (obs, was, now) -> {
              if (now) {
                startedAt[0] = System.nanoTime();
                elapsed.setText("0.0 s");
                tick.play();
              } else {
                tick.stop();
              }
            });
  }

  private void show(RouteDecision decision) {
    if (decision == null) {
      route.setText("—");
      target.setText("");
      details.setText("");
      return;
    }
    route.setText(decision.effectiveRoute());
    target.setText(RouteChips.targetOf(decision));
    details.setText(draftRoute.describe(decision));
  }

  private ListCell<String> routeCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(String name, boolean empty) {
        super.updateItem(name, empty);
        getStyleClass().remove("chosen-route");
        if (empty || name == null) {
          setText(null);
          return;
        }
        setText(name);
        if (name.equals(draftRoute.chosenRoute())) {
          getStyleClass().add("chosen-route");
        }
      }
    };
  }
}
