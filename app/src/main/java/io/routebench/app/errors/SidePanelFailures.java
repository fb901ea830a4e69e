package io.routebench.app.errors;

import java.lang.System.Logger.Level;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Where a side panel (the why panel) reports its own failures: on a line inside the panel, and in
 * the log. A failure there must not reach the window's last-resort dialog, which is modal and would
 * take the keyboard from the conversation the user is typing in; the panel says what it could not
 * do, and the rest of the window goes on.
 */
public final class SidePanelFailures {

  private static final System.Logger LOG = System.getLogger(SidePanelFailures.class.getName());

  private final String panel;
  private final Label line = new Label();

  /**
   * @param panel the panel's name in a sentence, e.g. "The why panel"
   * @param id the id of the line that shows a failure
   */
  public SidePanelFailures(String panel, String id) {
    this.panel = panel;
    line.setId(id);
    line.setWrapText(true);
    line.setMinHeight(Region.USE_PREF_SIZE);
    line.getStyleClass().add("panel-problem");
    line.setVisible(false);
    line.managedProperty().bind(line.visibleProperty());
  }

  /** The line that shows the last failure, hidden while there is none. */
  public Node line() {
    return line;
  }

  /**
   * Runs one of the panel's updates; a failure is shown on the panel's line instead of escaping.
   *
   * @param doing what the update does, in words that follow "could not": "show this decision"
   */
  public void run(String doing, Runnable update) {
    try {
      update.run();
    } catch (RuntimeException failure) {
      LOG.log(Level.WARNING, panel + " could not " + doing, failure);
      String why = failure.getMessage() == null ? failure.toString() : failure.getMessage();
      line.setText(
          panel
              + " could not "
              + doing
              + " ("
              + why
              + "). Nothing else is affected; the log has"
              + " the details.");
      line.setVisible(true);
    }
  }

  /** Runs an update that, when it succeeds, puts right whatever failed before it. */
  public void runAnew(String doing, Runnable update) {
    line.setVisible(false);
    run(doing, update);
  }
}
