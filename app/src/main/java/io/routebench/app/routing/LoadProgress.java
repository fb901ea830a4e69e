package io.routebench.app.routing;

import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/**
 * Shown while a router model loads: llama.cpp reports no progress, so the user sees that it is
 * working and for how long, and can give up (a large model on a slow disk takes a while).
 */
final class LoadProgress {

  private final LocalRouter router;
  private final LongSupplier nanoTime;
  private final Label elapsed = new Label();
  private final HBox root;
  private final Timeline ticks;
  private long startedAt;

  LoadProgress(LocalRouter router) {
    this(router, System::nanoTime);
  }

  /**
   * @param nanoTime the clock the elapsed seconds are read from
   */
  LoadProgress(LocalRouter router, LongSupplier nanoTime) {
    this.router = router;
    this.nanoTime = nanoTime;
    var spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
    spinner.setPrefSize(16, 16);
    elapsed.setId("routerLoadElapsedLabel");
    elapsed.setMinWidth(Label.USE_PREF_SIZE);
    var cancel = new Button("Cancel");
    cancel.setId("cancelRouterLoadButton");
    cancel.setMinWidth(Button.USE_PREF_SIZE);
    cancel.setOnAction(e -> router.cancelLoad());
    root = new HBox(6, spinner, elapsed, cancel);
    root.setId("routerLoadProgress");
    root.setAlignment(Pos.CENTER_LEFT);
    root.visibleProperty().bind(router.loadingProperty());
    root.managedProperty().bind(root.visibleProperty());
    ticks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> refresh()));
    ticks.setCycleCount(Timeline.INDEFINITE);
    router.loadingProperty().addListener((obs, was, now) -> follow(now));
    follow(router.loadingProperty().get());
  }

  Node root() {
    return root;
  }

  private void follow(boolean loading) {
    if (loading) {
      startedAt = nanoTime.getAsLong();
      refresh();
      ticks.play();
    } else {
      ticks.stop();
    }
  }

  /** Shows the seconds since the load started; called each second while it runs. */
  void refresh() {
    long seconds = Duration.ofNanos(nanoTime.getAsLong() - startedAt).toSeconds();
    elapsed.setText("Loading the router model… " + seconds + " s");
  }
}
