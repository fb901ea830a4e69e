package io.routebench.app.onboarding;

import io.routebench.app.settings.SettingsStore;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "What to do next" beside the workspace of a first start: the sample taxonomy, a router model, a
 * conversation, a test case, a regression run, an export — each step with a link that goes there.
 * Shown until the user dismisses it, which the settings remember; Help ▸ Getting Started brings it
 * back.
 */
public final class FirstRunPanel {

  /** Where the steps' links lead; each is a command the window already has. */
  public record Steps(
      Runnable showTaxonomy,
      Runnable getArchRouter,
      Runnable openRouterModel,
      Runnable showPlaytest,
      Runnable export) {

    public Steps {
      Objects.requireNonNull(showTaxonomy);
      Objects.requireNonNull(getArchRouter);
      Objects.requireNonNull(openRouterModel);
      Objects.requireNonNull(showPlaytest);
      Objects.requireNonNull(export);
    }
  }

  private static final double PANEL_CONTENT_WIDTH = 250;

  private final SettingsStore settings;
  private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper();
  private final ScrollPane root;

  /**
   * @param workspaceOpen whether a workspace is open: every step needs one, so the panel waits for
   *     it (the welcome screen has its own start)
   */
  public FirstRunPanel(SettingsStore settings, Steps steps, ObservableBooleanValue workspaceOpen) {
    this.settings = settings;
    var title = new Label("Getting started");
    title.getStyleClass().add("panel-title");
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var dismiss = new Button("✕");
    dismiss.setId("dismissFirstRunButton");
    dismiss.setTooltip(
        new javafx.scene.control.Tooltip("Hide; Help ▸ Getting Started shows it again"));
    dismiss.setOnAction(e -> dismiss());
    var header = new HBox(6, title, spacer, dismiss);
    header.setAlignment(Pos.CENTER_LEFT);

    var content =
        new VBox(
            14,
            header,
            step(
                "1",
                "Look at the sample taxonomy",
                "Your first workspace holds a sample: domains, their actions, and the model each"
                    + " route goes to. Edit it, or import your archgw / plano config (File ▸"
                    + " Import Policies…).",
                link("Taxonomy tab", "firstRunTaxonomyLink", steps.showTaxonomy())),
            step(
                "2",
                "Get a router model",
                "Download Arch-Router-1.5B (about 1 GB, checked against its published SHA-256),"
                    + " or open a GGUF file you already have.",
                link("Get Arch-Router…", "firstRunGetModelLink", steps.getArchRouter()),
                link("Open GGUF…", "firstRunOpenModelLink", steps.openRouterModel())),
            step(
                "3",
                "Try a conversation",
                "In the Playtest tab, type what a user would say: the route appears as you type,"
                    + " with the target model and the time it took.",
                link("Playtest tab", "firstRunPlaytestLink", steps.showPlaytest())),
            step(
                "4",
                "Save it as a test",
                "Save as test case… (Playtest) keeps the conversation with the route each message"
                    + " should get — correct it where the router is wrong."),
            step(
                "5",
                "Run the suite",
                "In the Suites tab, Run suite replays every test case with the loaded model:"
                    + " accuracy, the failed turns and a heat map; change a description, run again"
                    + " and History shows what it fixed or broke. In CI, the same run headless:",
                command("routebench test --workspace FILE --suite NAME --model FILE.gguf")),
            step(
                "6",
                "Export",
                "Write the validated routes as an archgw or plano config for your proxy.",
                link("Export archgw config…", "firstRunExportLink", steps.export())));
    content.setPadding(new Insets(12));
    content.setPrefWidth(PANEL_CONTENT_WIDTH);
    content.getStyleClass().add("first-run");

    root = new ScrollPane(content);
    root.setId("firstRunPanel");
    root.setFitToWidth(true);
    root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    root.setPrefWidth(270);
    root.setMinWidth(220);
    root.visibleProperty().bind(showing.and(workspaceOpen));
    root.managedProperty().bind(root.visibleProperty());
    showing.set(!settings.current().firstRunDismissed());
  }

  public Node root() {
    return root;
  }

  /** Hides the panel for good (until Help ▸ Getting Started). */
  public void dismiss() {
    showing.set(false);
    settings.update(s -> s.withFirstRunDismissed(true));
  }

  /** Shows the panel again; dismissing it again hides it again. */
  public void show() {
    showing.set(true);
  }

  /**
   * A command to copy into a terminal: all of it shown, wrapped in the narrow panel (a one-line
   * field showed "routebench t"), with a link that copies it.
   */
  private static Node command(String text) {
    var command = new Label(text);
    command.setId("firstRunCommand");
    command.setWrapText(true);
    command.setMinHeight(Region.USE_PREF_SIZE);
    command.getStyleClass().add("first-run-command");
    var copy = new Hyperlink("Copy");
    copy.setId("firstRunCopyCommandLink");
    copy.setOnAction(
        e -> {
          var content = new ClipboardContent();
          content.putString(text);
          Clipboard.getSystemClipboard().setContent(content);
        });
    return new VBox(2, command, copy);
  }

  /**
   * @param actions links, side by side while they fit and one under the other in a narrow window;
   *     anything else (a command to copy) goes on its own line, as wide as the panel
   */
  private static Node step(String number, String heading, String text, Node... actions) {
    var title = new Label(number + ". " + heading);
    title.getStyleClass().add("first-run-step");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    var body = new Label(text);
    body.setWrapText(true);
    body.setMinHeight(Region.USE_PREF_SIZE);
    var box = new VBox(3, title, body);
    var links = new FlowPane(8, 2);
    links.setPrefWrapLength(PANEL_CONTENT_WIDTH); // a FlowPane would ask for 400 px
    for (Node action : actions) {
      if (action instanceof Hyperlink) {
        links.getChildren().add(action);
      } else {
        // Not in the FlowPane: it would make the panel as wide as the whole command.
        box.getChildren().add(action);
      }
    }
    if (!links.getChildren().isEmpty()) {
      box.getChildren().add(links);
    }
    return box;
  }

  private static Hyperlink link(String text, String id, Runnable action) {
    var link = new Hyperlink(text);
    link.setId(id);
    link.setOnAction(e -> action.run());
    return link;
  }
}
