package io.routebench.app.suites;

import io.routebench.app.forms.Forms;
import io.routebench.app.icons.Icons;
import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The case editor: name, tags and notes, the conversation as a list of messages, and below it the
 * selected message (role, text, expected route). Text is stored when the field is left or Enter is
 * pressed, so one undo step takes back one edited field, not one keystroke.
 */
public final class CaseEditorView {

  private final CaseEditorViewModel viewModel;
  private final VBox root = new VBox(6);
  private final TextField name = new TextField();
  private final TextField tags = new TextField();
  private final TextArea notes = new TextArea();
  private final ListView<CaseMessage> messages = new ListView<>();
  private final ComboBox<Role> role =
      new ComboBox<>(FXCollections.observableArrayList(Role.values()));
  private final TextArea content = new TextArea();
  private final ComboBox<String> expectedRoute = new ComboBox<>();
  private final Label missingRoute = new Label();
  private final Label decision = new Label();
  private final Button openInPlaytest = new Button("Open in Playtest");
  private java.util.function.Consumer<TestCase> playtestOpener;
  private boolean showing;

  public CaseEditorView(CaseEditorViewModel viewModel) {
    this.viewModel = viewModel;
    root.setPadding(new Insets(8));
    root.setId("caseEditor");
    name.setId("caseNameField");
    tags.setId("caseTagsField");
    tags.setPromptText("tags, comma separated");
    notes.setId("caseNotesArea");
    notes.setPrefRowCount(2);
    notes.setWrapText(true);
    messages.setId("caseMessages");
    messages.setCellFactory(list -> new MessageCell());
    messages.setPrefHeight(220);
    // A few messages stay in view in a short window: the editor scrolls rather than squeezing the
    // conversation to nothing.
    messages.setMinHeight(120);
    VBox.setVgrow(messages, Priority.ALWAYS);
    role.setId("messageRoleChoice");
    content.setId("messageContentArea");
    content.setWrapText(true);
    content.setPrefRowCount(4);
    expectedRoute.setId("expectedRouteChoice");
    missingRoute.getStyleClass().add("missing-route");
    missingRoute.setWrapText(true);
    decision.setId("turnDecisionLabel");
    decision.getStyleClass().add("decision-details");
    decision.setWrapText(true);

    commitOnLeave(name, () -> viewModel.rename(name.getText()));
    name.setOnAction(e -> viewModel.rename(name.getText()));
    commitOnLeave(tags, () -> viewModel.setTags(tags.getText()));
    tags.setOnAction(e -> viewModel.setTags(tags.getText()));
    commitOnLeave(notes, () -> viewModel.setNotes(notes.getText()));
    commitOnLeave(content, () -> withSelected(i -> viewModel.setContent(i, content.getText())));
    role.setOnAction(
        e -> {
          if (!showing && role.getValue() != null) {
            withSelected(i -> viewModel.setRole(i, role.getValue()));
          }
        });
    expectedRoute.setOnAction(
        e -> {
          if (!showing && expectedRoute.getValue() != null) {
            withSelected(i -> viewModel.setExpectedRoute(i, expectedRoute.getValue()));
          }
        });
    messages.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> showMessage());

    var addUser = Forms.button("+ User", "addUserMessageButton", () -> add(Role.USER));
    var addAssistant =
        Forms.button("+ Assistant", "addAssistantMessageButton", () -> add(Role.ASSISTANT));
    var delete =
        Icons.on(
            Forms.button(
                "Delete", "deleteMessageButton", () -> withSelected(viewModel::deleteMessage)),
            Feather.TRASH_2);
    var up = Icons.on(Forms.button("Up", "moveMessageUpButton", () -> move(-1)), Feather.ARROW_UP);
    var down =
        Icons.on(Forms.button("Down", "moveMessageDownButton", () -> move(+1)), Feather.ARROW_DOWN);
    openInPlaytest.setId("openInPlaytestButton");
    openInPlaytest.setVisible(false);
    openInPlaytest.setManaged(false);
    openInPlaytest.setOnAction(e -> viewModel.testCase().ifPresent(c -> playtestOpener.accept(c)));
    // Rows that wrap instead of cutting button texts to "…" in a narrow editor.
    var messageButtons =
        new FlowPane(4, 4, addUser, addAssistant, delete, up, down, openInPlaytest);

    var messageRow =
        new FlowPane(6, 4, new Label("Role"), role, new Label("Expected route"), expectedRoute);
    root.getChildren()
        .addAll(
            heading("Case"),
            new Label("Name"),
            name,
            new Label("Tags"),
            tags,
            new Label("Notes"),
            notes,
            heading("Conversation"),
            messages,
            messageButtons,
            messageRow,
            missingRoute,
            content,
            decision);
    viewModel.testCaseProperty().addListener((obs, old, now) -> show(now));
    show(viewModel.testCase().orElse(null));
  }

  public Node root() {
    return root;
  }

  /** Shows "Open in Playtest", which hands the case to {@code opener}. */
  public void offerPlaytest(java.util.function.Consumer<TestCase> opener) {
    playtestOpener = opener;
    openInPlaytest.setVisible(true);
    openInPlaytest.setManaged(true);
  }

  /** Selects the message at {@code messageIndex}, e.g. a failed turn opened from the results. */
  public void selectMessage(int messageIndex, String details) {
    messages.getSelectionModel().select(messageIndex);
    messages.scrollTo(messageIndex);
    decision.setText(details == null ? "" : details);
  }

  private void show(TestCase testCase) {
    showing = true;
    try {
      root.setDisable(testCase == null);
      int selected = messages.getSelectionModel().getSelectedIndex();
      if (testCase == null) {
        name.clear();
        tags.clear();
        notes.clear();
        messages.getItems().clear();
        decision.setText("");
        return;
      }
      setIfChanged(name, testCase.name());
      setIfChanged(tags, String.join(", ", testCase.tags()));
      setIfChanged(notes, testCase.notes());
      messages.getItems().setAll(testCase.messages());
      expectedRoute.getItems().setAll(viewModel.routeChoices());
      if (!testCase.messages().isEmpty()) {
        messages
            .getSelectionModel()
            .select(Math.max(0, Math.min(selected, testCase.messages().size() - 1)));
      }
    } finally {
      showing = false;
    }
    showMessage();
  }

  private void showMessage() {
    if (showing) {
      return;
    }
    showing = true;
    try {
      int index = messages.getSelectionModel().getSelectedIndex();
      CaseMessage message = index < 0 ? null : messages.getItems().get(index);
      role.setDisable(message == null);
      content.setDisable(message == null);
      expectedRoute.setDisable(message == null || message.role() != Role.USER);
      role.setValue(message == null ? null : message.role());
      setIfChanged(content, message == null ? "" : message.content());
      expectedRoute.setValue(message == null ? null : message.expectedRoute());
      boolean missing = viewModel.expectsMissingRoute(index);
      missingRoute.setVisible(missing);
      missingRoute.setManaged(missing);
      missingRoute.setText(
          missing
              ? "No policy is called “"
                  + message.expectedRoute()
                  + "” any more: choose the route this turn expects now."
              : "");
    } finally {
      showing = false;
    }
  }

  private void add(Role newRole) {
    int after = messages.getSelectionModel().getSelectedIndex();
    if (after < 0) {
      after = messages.getItems().size() - 1;
    }
    viewModel.addMessage(after, newRole);
    messages.getSelectionModel().select(after + 1);
    content.requestFocus();
  }

  private void move(int step) {
    int index = messages.getSelectionModel().getSelectedIndex();
    if (index >= 0) {
      viewModel.moveMessage(index, step);
      int target = Math.max(0, Math.min(index + step, messages.getItems().size() - 1));
      messages.getSelectionModel().select(target);
    }
  }

  private void withSelected(java.util.function.IntConsumer action) {
    int index = messages.getSelectionModel().getSelectedIndex();
    if (index >= 0) {
      action.accept(index);
    }
  }

  private void commitOnLeave(javafx.scene.control.TextInputControl field, Runnable commit) {
    field
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now && !showing && viewModel.testCase().isPresent()) {
                commit.run();
              }
            });
  }

  private static void setIfChanged(javafx.scene.control.TextInputControl field, String text) {
    if (!field.getText().equals(text)) {
      field.setText(text);
    }
  }

  private static Label heading(String text) {
    var label = new Label(text);
    label.getStyleClass().add("details-heading");
    return label;
  }

  /** One message: role, the start of its text and, for user turns, the expected route. */
  private final class MessageCell extends ListCell<CaseMessage> {
    @Override
    protected void updateItem(CaseMessage message, boolean empty) {
      super.updateItem(message, empty);
      getStyleClass().remove("missing-route-cell");
      if (empty || message == null) {
        setText(null);
        return;
      }
      String text = message.content().isBlank() ? "(empty)" : firstLine(message.content());
      String route = message.expectedRoute() == null ? "" : "  →  " + message.expectedRoute();
      setText(message.role().name().toLowerCase(Locale.ROOT) + ": " + text + route);
      if (viewModel.expectsMissingRoute(getIndex())) {
        getStyleClass().add("missing-route-cell");
      }
    }
  }

  private static String firstLine(String text) {
    List<String> lines = Arrays.asList(text.strip().split("\n", 2));
    String first = lines.get(0);
    return first.length() > 80 ? first.substring(0, 79) + "…" : first;
  }
}
