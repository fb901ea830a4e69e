package io.routebench.app.parity;

import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.files.AtomicFiles;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.settings.RouterEndpoint;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.core.parity.ParityReport;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The parity run as a window: choose a suite and plano's address, run it through plano and the
 * router in use with progress and cancel, then read every turn the two route apart with both
 * answers, and save them as the CLI's JSON.
 */
public final class ParityDialog {

  /** Where {@code planoai up} starts plano's model listener by default. */
  static final String DEFAULT_PLANO_ADDRESS = "http://localhost:12000";

  private final ParityViewModel viewModel;
  private final Consumer<String> saveFailed;
  private final VBox root;

  /**
   * @param saveFailed told why the JSON could not be saved
   */
  public ParityDialog(ParityViewModel viewModel, Consumer<String> saveFailed) {
    this.viewModel = viewModel;
    this.saveFailed = saveFailed;

    var suite = new ComboBox<SuiteSummary>(viewModel.suites());
    suite.setId("paritySuiteCombo");
    suite.valueProperty().bindBidirectional(viewModel.suiteProperty());
    suite.setCellFactory(list -> suiteCell());
    suite.setButtonCell(suiteCell());
    suite.setMaxWidth(Double.MAX_VALUE);
    var plano = new TextField();
    plano.setId("parityPlanoField");
    plano.setPromptText("http://localhost:12000");
    plano.textProperty().bindBidirectional(viewModel.planoAddressProperty());
    var router = new Label(viewModel.routerDescription());
    router.setId("parityRouterLabel");
    router.setWrapText(true);
    router.setMinHeight(Region.USE_PREF_SIZE);
    var form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, new Label("Suite"), suite);
    form.addRow(1, new Label("plano listener"), plano);
    form.addRow(2, new Label("Compared with"), router);
    GridPane.setHgrow(suite, Priority.ALWAYS);
    GridPane.setHgrow(plano, Priority.ALWAYS);

    var run = new Button("Run");
    run.setId("parityRunButton");
    run.setDefaultButton(true);
    run.disableProperty().bind(viewModel.problemProperty().isNotEmpty());
    run.setOnAction(e -> viewModel.start());
    var cancel = new Button("Cancel");
    cancel.setId("parityCancelButton");
    cancel
        .disableProperty()
        .bind(viewModel.stateProperty().isNotEqualTo(ParityViewModel.State.RUNNING));
    cancel.setOnAction(e -> viewModel.cancel());
    var save = new Button("Save JSON…");
    save.setId("paritySaveButton");
    save.disableProperty().bind(viewModel.reportProperty().isNull());
    save.setOnAction(e -> save(save.getScene().getWindow()));
    var buttons = new HBox(6, run, cancel, save);
    buttons.setAlignment(Pos.CENTER_LEFT);

    var problem = new Label();
    problem.setId("parityProblemLabel");
    problem.getStyleClass().add("help");
    problem.setWrapText(true);
    problem.setMinHeight(Region.USE_PREF_SIZE);
    problem.textProperty().bind(viewModel.problemProperty());
    var progress = new ProgressBar();
    progress.setId("parityProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(viewModel.progressProperty());
    progress
        .visibleProperty()
        .bind(viewModel.stateProperty().isNotEqualTo(ParityViewModel.State.IDLE));
    var message = new Label();
    message.setId("parityMessage");
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.textProperty().bind(viewModel.messageProperty());

    var table = new TableView<ParityReport.Difference>(viewModel.differences());
    table.setId("parityDifferencesTable");
    table
        .getColumns()
        .setAll(
            column("Case", ParityReport.Difference::caseName, 170),
            column("Turn", d -> d.turnIndex() + 1, 45),
            column("Expected", ParityReport.Difference::expected, 120),
            column("plano", d -> ParityWords.answer(d.plano()), 150),
            column("plano's answer", d -> d.plano().rawOutput(), 200),
            column("Router", d -> ParityWords.answer(d.other()), 150),
            column("Router's answer", d -> d.other().rawOutput(), 200));
    table.setPlaceholder(new Label("No turns routed apart."));
    table.setRowFactory(
        view -> {
          var row = new javafx.scene.control.TableRow<ParityReport.Difference>();
          row.itemProperty()
              .addListener(
                  (obs, old, now) ->
                      row.setTooltip(
                          now == null
                              ? null
                              : new Tooltip(
                                  "plano: "
                                      + now.plano().rawOutput()
                                      + "\nRouter: "
                                      + now.other().rawOutput())));
          return row;
        });
    VBox.setVgrow(table, Priority.ALWAYS);

    root = new VBox(8, form, buttons, problem, progress, message, table);
    root.setPadding(new Insets(12));
    root.setPrefSize(900, 520);
  }

  public Node root() {
    return root;
  }

  /**
   * Opens a parity run of {@code session}'s suites with the router in use, offering the plano
   * connected to last.
   *
   * @param workers runs the run's own thread
   */
  public static void open(
      Window owner,
      WorkspaceSession session,
      LocalRouter router,
      TaskExecutor workers,
      SettingsStore settings,
      ErrorReporter errors) {
    RouterEndpoint last = settings.current().lastEndpoint();
    var viewModel =
        new ParityViewModel(
            router,
            session.file().suites(),
            session.fileTasks(),
            workers,
            () -> session.editor().document(),
            last != null && last.plano() ? last.baseUrl() : DEFAULT_PLANO_ADDRESS);
    new ParityDialog(viewModel, why -> errors.showError("Cannot save the parity run", why, null))
        .open(owner);
  }

  /** Opens the window beside {@code owner}; closing it cancels a run in progress. */
  public void open(Window owner) {
    var stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle("Parity run with plano");
    var scene = new Scene(new VBox(root));
    VBox.setVgrow(root, Priority.ALWAYS);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    stage.setOnHidden(e -> viewModel.dispose());
    stage.show();
    viewModel.loadSuites();
  }

  private void save(Window owner) {
    ParityReport report = viewModel.reportProperty().get();
    var chooser = new FileChooser();
    chooser.setTitle("Save the parity run as JSON");
    chooser.setInitialFileName("parity.json");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
    File file = chooser.showSaveDialog(owner);
    if (file == null || report == null) {
      return;
    }
    try {
      // A few kilobytes: written at once, atomically, so a failed write leaves no half file.
      AtomicFiles.writeString(file.toPath(), ParityJsonReport.render(report));
    } catch (IOException e) {
      saveFailed.accept(file + " could not be written: " + e.getMessage());
    }
  }

  private static ListCell<SuiteSummary> suiteCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(SuiteSummary item, boolean empty) {
        super.updateItem(item, empty);
        setText(
            empty || item == null
                ? null
                : item.name()
                    + " ("
                    + item.caseCount()
                    + (item.caseCount() == 1 ? " case)" : " cases)"));
      }
    };
  }

  private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
    var column = new TableColumn<S, T>(title);
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    column.setPrefWidth(width);
    return column;
  }
}
