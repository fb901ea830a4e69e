package io.routebench.app.playtest;

import io.routebench.app.decision.DecisionDetailsView;
import io.routebench.app.decision.DecisionDetailsViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Playtest tab: the router model bar on top; the taxonomy beside the conversation, the route
 * the router picks for the message being typed, and under them the why panel. The conversation is
 * what the user works in: the taxonomy and the route can be put away to give it their room, and the
 * why panel opens on demand, at the size the user left it.
 */
public final class PlaytestView {

  static final KeyCombination SEND =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  /** The keys under which the dividers are remembered in the app settings. */
  public static final String TREE_DIVIDER = "playtest.taxonomy";

  public static final String ROUTE_DIVIDER = "playtest.route";
  public static final String WHY_DIVIDER = "playtest.why";

  /** How wide the tab must be for the taxonomy and the route both to be beside the conversation. */
  static final double ROOM_FOR_BOTH_SIDES = 960;

  /** Where the playtest's dividers were left; kept in the app settings. */
  public interface DividerPositions extends SideSplit.Positions {}

  private final PlaytestViewModel viewModel;
  private final ConversationPane conversation;
  private final SideSplit tree;
  private final SideSplit route;
  private final SideSplit why;
  private final BorderPane root = new BorderPane();

  /** Whether the user has shown or hidden the taxonomy: then the width no longer decides. */
  private boolean treeChosen;

  /** Set while the width shows or hides the taxonomy, which is not the user's choice. */
  private boolean fitting;

  /**
   * @param modelBar the router model picker, shared by every workspace
   * @param taxonomy where the taxonomy editor is shown beside the conversation
   */
  public PlaytestView(
      PlaytestViewModel viewModel, Node modelBar, Node taxonomy, DividerPositions positions) {
    this.viewModel = viewModel;
    conversation = new ConversationPane(viewModel);
    route =
        new SideSplit(
            Orientation.HORIZONTAL,
            conversation.root(),
            new RoutePane(viewModel).root(),
            false,
            ROUTE_DIVIDER,
            0.64,
            positions);
    why =
        new SideSplit(
            Orientation.VERTICAL, route.root(), whyPanel(), false, WHY_DIVIDER, 0.62, positions);
    tree =
        new SideSplit(
            Orientation.HORIZONTAL, why.root(), taxonomy, true, TREE_DIVIDER, 0.3, positions);
    route.shownProperty().set(positions.shown(ROUTE_DIVIDER).orElse(true));
    why.shownProperty().set(positions.shown(WHY_DIVIDER).orElse(false));
    positions
        .shown(TREE_DIVIDER)
        .ifPresent(
            shown -> {
              treeChosen = true;
              tree.shownProperty().set(shown);
            });
    showTreeWhenThereIsRoom();
    rememberChoices(positions);
    var top = new HBox(8, modelBar, paneToggles());
    HBox.setHgrow(modelBar, Priority.ALWAYS);
    top.setAlignment(Pos.TOP_LEFT);
    root.setTop(top);
    root.setCenter(tree.root());
    stopRepliesWithEsc();
  }

  public Node root() {
    return root;
  }

  /** Whether the taxonomy is shown beside the conversation. */
  public BooleanProperty taxonomyShownProperty() {
    return tree.shownProperty();
  }

  /** Whether the route pane is shown beside the conversation. */
  public BooleanProperty routeShownProperty() {
    return route.shownProperty();
  }

  /** Whether the why panel is open under the conversation. */
  public BooleanProperty whyShownProperty() {
    return why.shownProperty();
  }

  /**
   * The taxonomy beside the conversation is shown while the tab is wide enough for it and the
   * route; in a small window (1024 × 640 with Getting started open) the conversation gets the room.
   * Once the user shows or hides it with Tree, that choice holds, in later sessions too. In a tab
   * too narrow for both side panes, showing one puts the other away: the conversation never goes
   * below its size.
   */
  private void showTreeWhenThereIsRoom() {
    root.widthProperty()
        .addListener(
            (obs, old, now) -> {
              if (!treeChosen && now.doubleValue() > 0) {
                fitting = true;
                tree.shownProperty().set(now.doubleValue() >= ROOM_FOR_BOTH_SIDES);
                fitting = false;
              }
            });
    tree.shownProperty()
        .addListener(
            (obs, was, now) -> {
              if (!fitting) {
                treeChosen = true;
              }
              if (now && !roomForBothSides()) {
                route.shownProperty().set(false);
              }
            });
    route
        .shownProperty()
        .addListener(
            (obs, was, now) -> {
              if (now && !roomForBothSides()) {
                treeChosen = true;
                tree.shownProperty().set(false);
              }
            });
  }

  /**
   * The side panes come back as the user left them: every change of Route and Why?, and of Tree
   * unless the window's width made it.
   */
  private void rememberChoices(DividerPositions positions) {
    route.shownProperty().addListener((obs, was, now) -> positions.shownChosen(ROUTE_DIVIDER, now));
    why.shownProperty().addListener((obs, was, now) -> positions.shownChosen(WHY_DIVIDER, now));
    tree.shownProperty()
        .addListener(
            (obs, was, now) -> {
              if (!fitting) {
                positions.shownChosen(TREE_DIVIDER, now);
              }
            });
  }

  private boolean roomForBothSides() {
    return root.getWidth() <= 0 || root.getWidth() >= ROOM_FOR_BOTH_SIDES;
  }

  /** Tree, Route and Why?: which panes are shown beside the conversation. */
  private Node paneToggles() {
    var toggles =
        new HBox(
            4,
            toggle(
                "Tree",
                "playtestShowTaxonomy",
                "Show the taxonomy beside the conversation: edit a description, and the"
                    + " conversation is routed again",
                tree),
            toggle(
                "Route", "playtestShowRoute", "Show the route of the message being typed", route),
            toggle(
                "Why?",
                "playtestShowWhy",
                "Show why the router chose the route: the prompt it read, its raw answer, the time",
                why));
    toggles.setPadding(new Insets(8, 10, 0, 0));
    toggles.setMinWidth(Region.USE_PREF_SIZE);
    return toggles;
  }

  private static ToggleButton toggle(String text, String id, String tooltip, SideSplit pane) {
    var toggle = new ToggleButton(text);
    toggle.setId(id);
    toggle.setTooltip(new Tooltip(tooltip));
    toggle.setMinWidth(Region.USE_PREF_SIZE);
    toggle.getStyleClass().add("pane-toggle");
    toggle.selectedProperty().bindBidirectional(pane.shownProperty());
    return toggle;
  }

  /** The why panel, showing {@link DecisionWhy#detailsProperty()}. */
  private Node whyPanel() {
    var details = new DecisionDetailsViewModel();
    details.detailsProperty().bind(viewModel.why().detailsProperty());
    return new DecisionDetailsView(details).root();
  }

  /**
   * Esc stops a streaming reply wherever the focus is in the tab (the tree, the route list, a
   * button); a message being edited takes its own Esc (cancel the edit).
   */
  private void stopRepliesWithEsc() {
    root.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (event.getCode() == KeyCode.ESCAPE
              && viewModel.replies().replyingProperty().get()
              && !conversation.isEditingAMessage()) {
            viewModel.replies().stopReply();
            event.consume();
          }
        });
  }
}
