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
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          // The pulse goes on to render the frame; the work comes after it.
          Platform.runLater(work);
        };
    scene.addPostLayoutPulseListener(once[0]);
    Platform.requestNextPulse();
  }
}
