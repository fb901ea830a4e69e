package io.routebench.app.decision;

import io.routebench.app.errors.SidePanelFailures;
import io.routebench.core.routing.DecisionDetails;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * The why panel: for one decision, the outcome and what the proxy does with it, the raw output,
 * time and tokens, and the exact text the model read in a read-only, searchable, copyable view with
 * the routes block, the conversation, the proxy's instructions and the chat template drawn apart.
 * Reusable wherever a decision is shown; give it the decision through {@link
 * DecisionDetailsViewModel#detailsProperty()}.
 */
public final class DecisionDetailsView {

  private final DecisionDetailsViewModel viewModel;
  private final StyleClassedTextArea text = new StyleClassedTextArea();
  private final Label outcome = line("decisionOutcome");
  private final Label proxyAction = line("decisionProxyAction");
  private final Label rawOutput = line("decisionRawOutput");
  private final Label answerList = line("decisionAnswerList");
  private final Label timing = line("decisionTiming");
  private final Label wrapping = line("decisionWrapping");
  private final Label routeOrder = line("decisionRouteOrder");
  private final Label textNote = line("decisionTextNote");
  private final SidePanelFailures failures =
      new SidePanelFailures("The why panel", "decisionPanelProblem");
  private final VBox root;

  public DecisionDetailsView(DecisionDetailsViewModel viewModel) {
    this.viewModel = viewModel;
    text.setId("decisionPromptText");
    text.setEditable(false);
    text.setWrapText(true);
    text.getStyleClass().add("why-text");
    var scroll = new VirtualizedScrollPane<>(text);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    var heading = new Label("Why this route");
    heading.getStyleClass().add("details-heading");
    outcome.getStyleClass().add("why-outcome");
    textNote.getStyleClass().add("help");
    routeOrder.getStyleClass().add("help");

    root =
        new VBox(
            4,
            heading,
            failures.line(),
            outcome,
            proxyAction,
            rawOutput,
            answerList,
            timing,
            wrapping,
            toolbar(),
            textNote,
            scroll,
            routeOrder);
    root.setId("decisionDetails");
    // Its parts add up to a tall panel; under the playtest it may shrink to its heading (it
    // scrolls its text), so that the conversation keeps its room in a small window.
    root.setMinHeight(60);
    root.setPadding(new Insets(8, 10, 8, 10));
    root.getStylesheets()
        .add(
            Objects.requireNonNull(
                    DecisionDetailsView.class.getResource("decision-details.css"),
                    "decision-details.css")
                .toExternalForm());
    // Every update runs through the panel's own failure line: whatever goes wrong here is said
    // here, and the keyboard stays where the user types.
    viewModel
        .pageProperty()
        .addListener((obs, old, now) -> failures.runAnew("show this decision", () -> show(now)));
    viewModel
        .currentMatchProperty()
        .addListener((obs, old, match) -> failures.run("select the match", () -> select(match)));
    failures.runAnew("show this decision", () -> show(viewModel.pageProperty().get()));
  }

  public Node root() {
    return root;
  }

  private Node toolbar() {
    var find = new TextField();
    find.setId("decisionFindField");
    find.setPromptText("Find in the prompt…");
    find.textProperty().bindBidirectional(viewModel.queryProperty());
    find.addEventHandler(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (event.getCode() == KeyCode.ENTER) {
            failures.run(
                "find the next match",
                event.isShiftDown() ? viewModel::previousMatch : viewModel::nextMatch);
            event.consume();
          }
        });
    var previous = new Button("Previous");
    previous.setId("decisionFindPrevious");
    previous.setOnAction(e -> failures.run("find the match", viewModel::previousMatch));
    var next = new Button("Next");
    next.setId("decisionFindNext");
    next.setOnAction(e -> failures.run("find the match", viewModel::nextMatch));
    var status = new Label();
    status.setId("decisionFindStatus");
    status.textProperty().bind(viewModel.matchStatusProperty());
    var copyPrompt = new Button("Copy prompt");
    copyPrompt.setId("decisionCopyPrompt");
    copyPrompt.setOnAction(e -> failures.run("copy", () -> copy(viewModel.prompt())));
    var copyAll = new Button("Copy model input");
    copyAll.setId("decisionCopyModelInput");
    copyAll.setOnAction(e -> failures.run("copy", () -> copy(viewModel.text())));
    for (var control : new Region[] {previous, next, status, copyPrompt, copyAll}) {
      control.setMinWidth(Region.USE_PREF_SIZE);
    }
    find.setPrefColumnCount(14);
    // In a narrow window the parts wrap to a second line instead of shrinking to "…".
    var bar = new FlowPane(6, 4, find, previous, next, status, legend(), copyPrompt, copyAll);
    bar.setAlignment(Pos.CENTER_LEFT);
    for (Node control : bar.getChildren()) {
      control.disableProperty().bind(viewModel.detailsProperty().isNull());
    }
    return bar;
  }

  private static Node legend() {
    var legend = new HBox(6);
    legend.setAlignment(Pos.CENTER_LEFT);
    String[][] parts = {
      {"routes", DecisionDetailsViewModel.ROUTES},
      {"conversation", DecisionDetailsViewModel.CONVERSATION},
      {"instructions", DecisionDetailsViewModel.INSTRUCTIONS},
      {"chat template", DecisionDetailsViewModel.CHAT_TEMPLATE}
    };
    for (String[] part : parts) {
      var sample = new Label(part[0]);
      sample.getStyleClass().addAll("why-legend", part[1] + "-legend");
      sample.setMinWidth(Region.USE_PREF_SIZE);
      legend.getChildren().add(sample);
    }
    return legend;
  }

  private void show(DecisionDetailsViewModel.Page page) {
    DecisionDetails details = viewModel.detailsProperty().get();
    outcome.setText(
        details == null
            ? "Select a decision to see why the router chose it."
            : viewModel.outcomeLine());
    proxyAction.setText(viewModel.proxyActionLine());
    rawOutput.setText(viewModel.rawOutputLine());
    // Only a list answer of several routes, or plano's own decision, has more to say here.
    answerList.setText(viewModel.answerListLine());
    answerList.setVisible(!answerList.getText().isEmpty());
    answerList.setManaged(answerList.isVisible());
    timing.setText(viewModel.timingLine());
    wrapping.setText(viewModel.wrappingLine());
    routeOrder.setText(viewModel.routeOrderLine());
    textNote.setText(viewModel.textNote());
    text.replaceText(page.text());
    text.moveTo(0);
    text.requestFollowCaret();
    for (DecisionDetailsViewModel.Span span : page.spans()) {
      text.setStyleClass(span.start(), span.end(), span.styleClass());
    }
  }

  private void select(DecisionDetailsViewModel.Match match) {
    if (match != null) {
      text.selectRange(match.start(), match.end());
      text.requestFollowCaret();
    }
  }

  private static void copy(String content) {
    var clipboard = new ClipboardContent();
    clipboard.putString(content);
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(clipboard);
  }

  private static Label line(String id) {
    var label = new Label();
    label.setId(id);
    label.setWrapText(true);
    // In a VBox a wrapping label is otherwise squeezed to one line and cut off.
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }
}
