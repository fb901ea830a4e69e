package io.routebench.app.taxonomy;

import static io.routebench.app.forms.Forms.fieldLabel;
import static io.routebench.app.forms.Forms.help;

import io.routebench.app.forms.Forms;
import io.routebench.core.taxonomy.DescriptionWords;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.validation.PolicyValidator;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * The right side of the taxonomy tab: everything about the selected domain or action. Fields are
 * bound to {@link NodeDetailsViewModel}; leaving a field closes its typing burst (one undo step)
 * and asks for an immediate save.
 */
final class NodeDetailsForm {

  private final NodeDetailsViewModel viewModel;
  private final Runnable fieldLeft;
  private final StackPane root = new StackPane();
  private final StyleClassedTextArea description = new StyleClassedTextArea();
  private final TextField name = new TextField();

  /** Set while the description area is filled from the view model. */
  private boolean fillingDescription;

  /**
   * @param fieldLeft called when a text field loses focus (the workbench saves right away)
   */
  NodeDetailsForm(NodeDetailsViewModel viewModel, Runnable fieldLeft) {
    this.viewModel = viewModel;
    this.fieldLeft = fieldLeft;

    var nothingSelected =
        new Label(
            "Select a domain or an action on the left to edit it,\nor add one with the buttons above the tree.");
    nothingSelected.getStyleClass().add("placeholder");
    var form = new ScrollPane(form());
    form.setFitToWidth(true);
    form.getStyleClass().add("details-scroll");

    var none = viewModel.kindProperty().isEqualTo(NodeDetailsViewModel.Kind.NONE);
    nothingSelected.visibleProperty().bind(none);
    form.visibleProperty().bind(none.not());
    root.getChildren().addAll(form, nothingSelected);
    root.setMinWidth(320);
  }

  Node root() {
    return root;
  }

  /** Focuses the name field with its text selected, so typing replaces a placeholder name. */
  void editName() {
    name.requestFocus();
    name.selectAll();
  }

  private GridPane form() {
    GridPane grid = Forms.grid();

    var heading = new Label();
    heading.getStyleClass().add("details-heading");
    heading.textProperty().bind(viewModel.headingProperty());
    grid.add(heading, 0, 0, 2, 1);

    name.setId("nodeNameField");
    name.textProperty().bindBidirectional(viewModel.nameProperty());
    leavingEndsBurst(name);
    grid.addRow(1, fieldLabel("Name", name), name);

    grid.addRow(2, fieldLabel("Description", description), descriptionEditor());

    var coarse = new CheckBox("This domain is a route on its own");
    coarse.setId("coarseRouteCheckBox");
    // Beside the conversation the form is narrow: long texts wrap instead of ending in "…".
    coarse.setWrapText(true);
    coarse.setMinHeight(Region.USE_PREF_SIZE);
    coarse.selectedProperty().bindBidirectional(viewModel.coarseRouteProperty());
    var isDomain = viewModel.kindProperty().isEqualTo(NodeDetailsViewModel.Kind.DOMAIN);
    var coarseHelp =
        help(
            "Use it for requests that belong to this domain but to none of its actions."
                + " Without it, the domain only groups its actions.");
    var coarseBox = new VBox(2, coarse, coarseHelp);
    coarseBox.visibleProperty().bind(isDomain);
    coarseBox.managedProperty().bind(isDomain);
    grid.add(coarseBox, 1, 3);

    var routeName = new TextField();
    routeName.setId("routeNameField");
    routeName.textProperty().bindBidirectional(viewModel.routeNameProperty());
    routeName.promptTextProperty().bind(viewModel.derivedRouteNameProperty());
    leavingEndsBurst(routeName);
    var routeNameBox =
        new VBox(2, routeName, help("What the router answers. Leave empty to use the name above."));
    grid.addRow(4, fieldLabel("Route name", routeName), routeNameBox);

    var target = new ComboBox<String>(viewModel.targetChoices());
    target.setId("targetModelCombo");
    target.setMaxWidth(Double.MAX_VALUE);
    target.setCellFactory(view -> modelCell());
    target.setButtonCell(modelCell());
    target.valueProperty().bindBidirectional(viewModel.targetModelProperty());
    target.setPromptText("Choose a target model");
    // Never cut to "anthropic/claud…": a narrow form scrolls sideways instead.
    target.setMinWidth(Region.USE_PREF_SIZE);
    grid.addRow(5, fieldLabel("Target model", target), target);

    var fallbacks = new FallbackListEditor(viewModel);
    grid.addRow(6, fieldLabel("Fallbacks", fallbacks.root()), fallbacks.root());

    var preference =
        Forms.choiceBox(List.of(SelectionPreference.values()), SelectionPreference::wireName);
    preference.setId("preferenceChoice");
    preference.valueProperty().bindBidirectional(viewModel.preferenceProperty());
    var preferenceBox =
        new VBox(
            2, preference, help("How plano (v0.4.0) picks among the target and its fallbacks."));
    grid.addRow(7, fieldLabel("Selection", preference), preferenceBox);

    var notRoutable =
        help(
            "This domain only groups its actions. Tick the box above to give it a route of its own.");
    grid.add(notRoutable, 1, 8);

    var routable = viewModel.routableProperty();
    for (Node routeField : new Node[] {routeNameBox, target, fallbacks.root(), preferenceBox}) {
      routeField.disableProperty().bind(routable.not());
    }
    notRoutable.visibleProperty().bind(routable.not().and(isDomain));
    notRoutable.managedProperty().bind(notRoutable.visibleProperty());
    return grid;
  }

  private Node descriptionEditor() {
    description.setId("nodeDescriptionArea");
    description.setWrapText(true);
    description.getStyleClass().add("description-area");
    // Undo belongs to the document (one history for every field), not to this text area.
    description.setUndoManager(UndoUtils.noOpUndoManager());
    description.replaceText(viewModel.descriptionProperty().get());
    description
        .textProperty()
        .addListener(
            (obs, old, now) -> {
              if (!fillingDescription) {
                viewModel.descriptionProperty().set(now);
              }
            });
    viewModel
        .descriptionProperty()
        .addListener(
            (obs, old, now) -> {
              if (!now.equals(description.getText())) {
                fillingDescription = true;
                try {
                  description.replaceText(now);
                } finally {
                  fillingDescription = false;
                }
              }
            });
    leavingEndsBurst(description);
    var scroll = new VirtualizedScrollPane<>(description);
    // The scroll pane lays its content over its own insets, so the border goes on a frame.
    var frame = new StackPane(scroll);
    frame.setPrefHeight(130);
    frame.setMinHeight(80);
    frame.getStyleClass().add("description-frame");

    var count = new Label();
    count
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> describeLength(viewModel.descriptionProperty().get()),
                viewModel.descriptionProperty(),
                viewModel.descriptionTokensProperty()));
    count.setWrapText(true);
    count.setMinHeight(Region.USE_PREF_SIZE);
    description.textProperty().addListener((obs, old, now) -> markSharedWords());
    count.getStyleClass().add("help");
    return new VBox(
        2,
        frame,
        help("What the router reads to pick this route: the kind of request, with concrete cues."),
        count);
  }

  /**
   * Length, tokens (the loaded model's count, or an estimate that says so) and the words shared
   * with other routes' descriptions.
   */
  private String describeLength(String text) {
    int length = text.length();
    DescriptionTokens.Count tokens = viewModel.descriptionTokensProperty().get();
    String words =
        length
            + (length == 1 ? " character" : " characters")
            + " · "
            + (tokens.isEstimate()
                ? "≈ "
                    + tokens.tokens()
                    + " tokens (estimate: bytes / 4; a loaded router model"
                    + " counts exactly)"
                : tokens.tokens()
                    + (tokens.tokens() == 1 ? " token" : " tokens")
                    + " ("
                    + tokens.tokenizer()
                    + ")");
    if (length > PolicyValidator.LONG_DESCRIPTION) {
      words += " — long descriptions cost prompt tokens on every request";
    }
    Set<String> shared = DescriptionWords.shared(text, viewModel.otherDescriptions());
    if (!shared.isEmpty()) {
      words +=
          "\nShared with other routes (the router may confuse them): " + String.join(", ", shared);
    }
    return words;
  }

  /** Underlines the words this description shares with other routes'. */
  private void markSharedWords() {
    String text = description.getText();
    description.clearStyle(0, text.length());
    Set<String> shared = DescriptionWords.shared(text, viewModel.otherDescriptions());
    for (DescriptionWords.Occurrence word : DescriptionWords.occurrences(text, shared)) {
      description.setStyleClass(word.start(), word.end(), "shared-word");
    }
  }

  private void leavingEndsBurst(Node field) {
    field
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                viewModel.endTypingBurst();
                fieldLeft.run();
              }
            });
  }

  private ListCell<String> modelCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(String model, boolean empty) {
        super.updateItem(model, empty);
        setText(empty ? null : viewModel.labelOf(model));
      }
    };
  }
}
