package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Playtest tab in the smallest window it is laid out for (1024 × 640), with Getting started
 * open beside it as on a first start, in both themes: nothing is cut off, the conversation has
 * room, and every control the user needs is on screen.
 */
class PlaytestLayoutWindowTest extends WorkbenchFixture {

  /** Enough for a few messages: the conversation is what the user works in. */
  private static final double CONVERSATION_ROOM = 120;

  @ParameterizedTest(name = "dark theme: {0}")
  @ValueSource(booleans = {false, true})
  void at_1024_by_640_nothing_in_the_playtest_is_cut_off_and_the_conversation_has_room(boolean dark)
      throws Exception {
    interact(() -> workbench.window().useDarkTheme(dark));
    useSmallestWindow();
    clickOn("Playtest");
    WaitForAsyncUtils.waitForFxEvents();

    Node tab = workbench.window().workspacePane().playtestView().root();
    Node gettingStarted = lookup("#firstRunPanel").query();
    assertThat(gettingStarted.isVisible()).as("a first start shows Getting started").isTrue();
    assertThat(elided(tab)).as("cut-off text in the Playtest tab").isEmpty();
    assertThat(elided(gettingStarted)).as("cut-off text in Getting started").isEmpty();
    assertThat(lookup("#playtestTurns").queryAs(ListView.class).getHeight())
        .isGreaterThanOrEqualTo(CONVERSATION_ROOM);

    Bounds panel = gettingStarted.localToScene(gettingStarted.getLayoutBounds());
    assertThat(labelledBeyond(gettingStarted, panel.getMaxX()))
        .as("text running past the edge of Getting started")
        .isEmpty();
    assertThat(labelledBeyond(tab, panel.getMinX()))
        .as("Playtest text under Getting started")
        .isEmpty();
    for (String control :
        List.of(
            "#playtestSendButton",
            "#unloadRouterModelButton",
            "#playtestAskTargetButton",
            "#playtestShowWhy",
            "#playtestRoutes",
            "#firstRunCommand")) {
      Node node = lookup(control).match(Node::isVisible).query();
      Bounds bounds = node.localToScene(node.getLayoutBounds());
      assertThat(bounds.getHeight()).as(control + " height").isPositive();
      assertThat(bounds.getMaxX()).as(control + " inside the window").isLessThanOrEqualTo(1024);
      if (!control.startsWith("#firstRun")) { // Getting started scrolls; the playtest does not
        assertThat(bounds.getMaxY()).as(control + " inside the window").isLessThanOrEqualTo(640);
        assertThat(bounds.getMaxX())
            .as(control + " not under Getting started")
            .isLessThanOrEqualTo(panel.getMinX());
      }
    }
  }

  @ParameterizedTest(name = "dark theme: {0}")
  @ValueSource(booleans = {false, true})
  void with_the_why_panel_and_the_taxonomy_open_the_conversation_keeps_its_controls(boolean dark)
      throws Exception {
    interact(() -> workbench.window().useDarkTheme(dark));
    useSmallestWindow();
    clickOn("Playtest");
    clickOn("#playtestShowWhy");
    clickOn("#playtestShowTaxonomy");
    WaitForAsyncUtils.waitForFxEvents();

    Node why = lookup("#decisionDetails").query();
    Bounds whyBounds = why.localToScene(why.getLayoutBounds());
    Node conversation = lookup("#playtestTurns").query().getParent();
    assertThat(elided(why)).as("cut-off text in the why panel").isEmpty();
    assertThat(elided(conversation)).as("cut-off text in the conversation").isEmpty();
    assertThat(lookup("#playtestShowRoute").queryAs(javafx.scene.control.ToggleButton.class))
        .as("no room for both side panes: the route gave way to the taxonomy")
        .matches(toggle -> !toggle.isSelected());
    Node gettingStarted = lookup("#firstRunPanel").query();
    double panelLeft = gettingStarted.localToScene(gettingStarted.getLayoutBounds()).getMinX();
    for (String control :
        List.of("#playtestSendButton", "#playtestAskTargetButton", "#playtestDraft")) {
      Node node = lookup(control).match(Node::isVisible).query();
      Bounds bounds = node.localToScene(node.getLayoutBounds());
      assertThat(bounds.getMaxY())
          .as(control + " above the why panel")
          .isLessThanOrEqualTo(whyBounds.getMinY());
      assertThat(bounds.getMaxX())
          .as(control + " not under Getting started")
          .isLessThanOrEqualTo(panelLeft);
    }
    assertThat(lookup("#playtestTurns").queryAs(ListView.class).getHeight())
        .isGreaterThanOrEqualTo(90);
  }

  /** The visible labels and buttons under {@code root} whose right edge is beyond {@code x}. */
  static List<String> labelledBeyond(Node root, double x) {
    var beyond = new ArrayList<String>();
    collectBeyond(root, x, beyond);
    return beyond;
  }

  private static void collectBeyond(Node node, double x, List<String> beyond) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled labeled
        && labeled.getText() != null
        && !labeled.getText().isEmpty()) {
      double right = labeled.localToScene(labeled.getLayoutBounds()).getMaxX();
      if (right > x + 0.5) {
        beyond.add("“" + labeled.getText() + "” ends at " + right);
      }
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collectBeyond(child, x, beyond));
    }
  }

  /** The labels and buttons under {@code root} that show less of their text than they hold. */
  static List<String> elided(Node root) {
    var cut = new ArrayList<String>();
    collect(root, cut);
    return cut;
  }

  private static void collect(Node node, List<String> cut) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled labeled
        && labeled.getText() != null
        && !labeled.getText().isEmpty()
        && labeled.getWidth() > 0) {
      for (Node child : labeled.getChildrenUnmodifiable()) {
        if (child instanceof Text shown
            && child.getStyleClass().contains("text")
            && !shown.getText().equals(labeled.getText())
            && !shown.getText().replace("\n", " ").equals(labeled.getText().replace("\n", " "))) {
          cut.add(
              labeled.getClass().getSimpleName()
                  + " “"
                  + labeled.getText()
                  + "” shows “"
                  + shown.getText()
                  + "”");
        }
      }
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
    }
  }
}
