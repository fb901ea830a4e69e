package io.routebench.app;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Runs start-up work once the window's first frame is out, so that nothing but the window is on the
 * path to a visible, usable window (the start-up benchmark measures that path).
 */
final class AfterFirstFrame {

  private AfterFirstFrame() {}

  /** On the FX thread, after the next layout pulse of the stage's scene has been rendered. */
  static void run(Stage stage, Runnable work) {
    Scene scene = stage.getScene();
    boolean[] scheduled = new boolean[1];
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          if (scheduled[0]) {
            return;
          }
          scheduled[0] = true;
          // The pulse goes on to render the frame; the work comes after it. The listener is
          // removed there too: the scene is iterating over its listeners now, and removing one
          // during that iteration breaks the pulse.
          Platform.runLater(
              () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                work.run();
              });
        };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }
}
