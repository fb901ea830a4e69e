package io.routebench.app.doctor;

import io.routebench.app.forms.Forms;
import io.routebench.app.icons.Icons;
import io.routebench.core.doctor.VerifiedCandidate;
import io.routebench.core.run.TurnResult;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Doctor page of the Suites tab: how much to verify, the cost before it starts, progress with
 * cancel, the verified candidates best first and the chosen one in full.
 */
public final class DoctorPage {

  private final DoctorViewModel doctor;
  private final BorderPane root = new BorderPane();
  private final ListView<VerifiedCandidate> list = new ListView<>();

  /**
   * @param openTurn opens a turn's case in the case editor
   * @param rerun runs the suite again (after an edit was applied)
   */
  public DoctorPage(
      DoctorViewModel doctor,
      ReadOnlyObjectProperty<PolicyDocument> document,
      Consumer<TurnResult> openTurn,
      Runnable rerun) {
    this.doctor = doctor;
    var summary = wrapped("doctorSummaryLabel");
    summary.textProperty().bind(doctor.summaryProperty());
    var message = wrapped("doctorMessageLabel");
    message.textProperty().bind(doctor.messageProperty());

    var sample = spinner("doctorSampleSpinner", 0, 100_000);
    sample.getValueFactory().valueProperty().bindBidirectional(doctor.sampleTurnsProperty());
    var budget = spinner("doctorBudgetSpinner", 0, 10_000_000);
    budget.getValueFactory().valueProperty().bindBidirectional(doctor.budgetProperty());
    var limits =
        new FlowPane(
            6,
            4,
            new Label("Verify each edit on"),
            sample,
            help("turns (0 = the whole suite; else the failed cases and a sample by route)"),
            new Label("  at most"),
            budget,
            help("decisions (0 = no cap)"));
    limits.setAlignment(Pos.CENTER_LEFT);

    var askLlm = new CheckBox("Also ask");
    askLlm.setId("doctorAskLlmCheck");
    askLlm.selectedProperty().bindBidirectional(doctor.llm().askProperty());
    var target = new ComboBox<ModelTarget>();
    target.setId("doctorLlmTargetCombo");
    target.setPromptText("a target with a base URL");
    target.valueProperty().bindBidirectional(doctor.llm().targetProperty());
    target
        .itemsProperty()
        .bind(
            Bindings.createObjectBinding(
                () ->
                    javafx.collections.FXCollections.observableArrayList(
                        document.get().targets().stream()
                            .filter(t -> t.baseUrl() != null && !t.baseUrl().isBlank())
                            .toList()),
                document));
    target.disableProperty().bind(askLlm.selectedProperty().not());
    var prompt = new TextArea();
    prompt.setId("doctorLlmPromptArea");
    prompt.setEditable(false);
    prompt.setWrapText(true);
    prompt.setPrefRowCount(8);
    prompt.textProperty().bind(doctor.llmPromptProperty());
    var promptPane = new TitledPane("The prompt it receives (first confusion)", prompt);
    promptPane.setExpanded(false);
    promptPane.visibleProperty().bind(doctor.llmPromptProperty().isNotEmpty());
    promptPane.managedProperty().bind(promptPane.visibleProperty());
    var llm = new HBox(6, askLlm, target, help("for rewrites (off unless you turn it on)"));
    llm.setAlignment(Pos.CENTER_LEFT);

    var estimate = wrapped("doctorEstimateLabel");
    estimate.textProperty().bind(doctor.estimateProperty());
    var start =
        Icons.on(Forms.button("Verify edits", "doctorStartButton", doctor::start), Feather.PLAY);
    start.disableProperty().bind(doctor.stateProperty().isNotEqualTo(DoctorViewModel.State.READY));
    var cancel =
        Icons.on(Forms.button("Cancel", "doctorCancelButton", doctor::cancel), Feather.SQUARE);
    cancel
        .disableProperty()
        .bind(doctor.stateProperty().isNotEqualTo(DoctorViewModel.State.VERIFYING));
    var bar = new ProgressBar();
    bar.setId("doctorProgressBar");
    bar.setPrefWidth(200);
    bar.progressProperty().bind(doctor.progressProperty());
    var progressText = new Label();
    progressText.setId("doctorProgressLabel");
    progressText.textProperty().bind(doctor.progressTextProperty());
    var controls = new FlowPane(8, 4, start, cancel, bar, progressText);
    controls.setAlignment(Pos.CENTER_LEFT);

    var rerunBar = new HBox(8);
    var applied = wrapped("doctorAppliedLabel");
    applied
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    doctor.appliedProperty().get() == null
                        ? ""
                        : "Applied. Re-run the suite to record what the edit does.",
                doctor.appliedProperty()));
    HBox.setHgrow(applied, Priority.ALWAYS);
    Button rerunButton =
        Icons.on(Forms.button("Re-run suite", "doctorRerunButton", rerun), Feather.REFRESH_CW);
    rerunBar.getChildren().addAll(applied, rerunButton);
    rerunBar.getStyleClass().add("stale-bar");
    rerunBar.setPadding(new Insets(4));
    rerunBar.visibleProperty().bind(doctor.appliedProperty().isNotNull());
    rerunBar.managedProperty().bind(rerunBar.visibleProperty());

    var top = new VBox(6, summary, limits, llm, promptPane, estimate, controls, message, rerunBar);
    top.setPadding(new Insets(8, 8, 4, 8));
    root.setTop(top);

    var details = new CandidateView(openTurn, doctor::apply);
    list.setId("doctorCandidatesList");
    list.setItems(doctor.candidates());
    list.setCellFactory(view -> new CandidateCell());
    list.setPlaceholder(wrapped("doctorNoCandidates", "No verified improvement yet."));
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, old, now) -> details.show(now));
    var unhelpful = new CheckBox("Show edits that do not help");
    unhelpful.setId("doctorShowUnhelpfulCheck");
    unhelpful.selectedProperty().bindBidirectional(doctor.showUnhelpfulProperty());
    var left = new VBox(4, list, unhelpful);
    VBox.setVgrow(list, Priority.ALWAYS);
    var split = new SplitPane(left, details.root());
    split.setDividerPositions(0.45);
    BorderPane.setMargin(split, new Insets(0, 8, 8, 8));
    root.setCenter(split);
    doctor
        .candidates()
        .addListener(
            (javafx.collections.ListChangeListener<VerifiedCandidate>)
                change -> {
                  if (!doctor.candidates().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                  }
                });
  }

  public Node root() {
    return root;
  }

  /** The view model behind the page. */
  public DoctorViewModel doctor() {
    return doctor;
  }

  private static Label wrapped(String id) {
    return wrapped(id, "");
  }

  private static Label wrapped(String id, String text) {
    var label = new Label(text);
    label.setId(id);
    label.setWrapText(true);
    label.setMinHeight(Label.USE_PREF_SIZE);
    return label;
  }

  private static Label help(String text) {
    var label = new Label(text);
    label.getStyleClass().add("help");
    return label;
  }

  private static Spinner<Integer> spinner(String id, int min, int max) {
    var spinner = new Spinner<Integer>(min, max, min);
    spinner.setId(id);
    spinner.setEditable(true);
    spinner.setPrefWidth(100);
    return spinner;
  }

  /** One candidate in the list: its effect first, then what it does. */
  private static final class CandidateCell extends ListCell<VerifiedCandidate> {
    @Override
    protected void updateItem(VerifiedCandidate item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        return;
      }
      setText(
          String.format(
                  Locale.ROOT,
                  "%+d net · fixes %d · breaks %d",
                  item.net(),
                  item.fixed().size(),
                  item.broken().size())
              + (item.breaksNothing() ? " · breaks nothing" : "")
              + "\n"
              + item.candidate().summary());
      setWrapText(true);
    }
  }
}
