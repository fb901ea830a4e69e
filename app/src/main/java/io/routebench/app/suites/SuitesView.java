package io.routebench.app.suites;

import io.routebench.app.forms.Forms;
import io.routebench.app.forms.TableHeaders;
import io.routebench.app.icons.Icons;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import io.routebench.core.suite.jsonl.LineError;
import io.routebench.core.suite.jsonl.SuiteJsonlResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Suites tab: the suites on the left; on the right the selected suite's cases (searchable,
 * filterable by tag) beside the case editor, and pages for runs, history and coverage.
 */
public final class SuitesView {

  private final SuitesViewModel suites;
  private final CaseEditorViewModel editorModel;
  private final CaseEditorView editor;
  private final BorderPane root = new BorderPane();
  private final ListView<SuiteSummary> suiteList = new ListView<>();
  private final TableView<CaseRow> cases = new TableView<>();
  private final TabPane pages = new TabPane();
  private final Tab casesPage;
  private boolean showingSuites;

  public SuitesView(SuitesViewModel suites, CaseEditorViewModel editorModel) {
    this.suites = suites;
    this.editorModel = editorModel;
    this.editor = new CaseEditorView(editorModel);
    root.getStylesheets().add(SuitesView.class.getResource("suites.css").toExternalForm());
    root.setId("suitesView");

    var casesSplit = new SplitPane(casesPane(), editorScroll());
    casesSplit.setOrientation(Orientation.HORIZONTAL);
    casesSplit.setDividerPositions(0.58);
    casesPage = new Tab("Cases", casesSplit);
    casesPage.setId("casesPage");
    var coveragePage = new Tab("Coverage", new CoverageView(suites).root());
    coveragePage.setId("coveragePage");
    pages.getTabs().setAll(casesPage, coveragePage);
    pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

    var split = new SplitPane(suitesPane(), pages);
    split.setDividerPositions(0.18);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    var message = new Label();
    message.setId("suitesMessage");
    message.getStyleClass().add("help");
    message.textProperty().bind(suites.messageProperty());
    root.setCenter(split);
    root.setBottom(message);
    BorderPane.setMargin(message, new Insets(2, 8, 2, 8));
  }

  public Node root() {
    return root;
  }

  /** Offers "Open in Playtest" in the case editor. */
  public void offerPlaytest(java.util.function.Consumer<io.routebench.core.suite.TestCase> opener) {
    editor.offerPlaytest(opener);
  }

  /** Adds a page after the cases (runs, history); {@code beforeCoverage} keeps coverage last. */
  public void addPage(Tab page) {
    pages.getTabs().add(pages.getTabs().size() - 1, page);
  }

  public void showPage(Tab page) {
    pages.getSelectionModel().select(page);
  }

  /** The ids of the cases selected in the table, in table order. */
  public List<String> selectedCaseIds() {
    return cases.getSelectionModel().getSelectedItems().stream().map(CaseRow::id).toList();
  }

  /** The ids of the cases the search and tag filter show, in suite order. */
  public List<String> visibleCaseIds() {
    return suites.visibleRows().stream().map(CaseRow::id).toList();
  }

  /** Opens a case at one of its messages, e.g. a failed turn, with what the router decided. */
  public void openCase(String caseId, int messageIndex, String details) {
    pages.getSelectionModel().select(casesPage);
    suites.searchProperty().set("");
    suites.tagFilterProperty().set(SuitesViewModel.ALL_TAGS);
    suites.visibleRows().stream()
        .filter(row -> row.id().equals(caseId))
        .findFirst()
        .ifPresent(
            row -> {
              cases.getSelectionModel().clearSelection();
              cases.getSelectionModel().select(row);
              cases.scrollTo(row);
            });
    editor.selectMessage(messageIndex, details);
  }

  /**
   * Asks for a JSONL file's cases to import; bad lines are listed and importing the rest is a
   * choice.
   */
  public void confirmImport(Path file, SuiteJsonlResult read) {
    if (!read.hasErrors()) {
      if (read.cases().isEmpty()) {
        alert(Alert.AlertType.INFORMATION, "Nothing to import", file + " holds no test cases.");
      } else {
        suites.importCases(file, read.cases());
      }
      return;
    }
    var alert = new Alert(Alert.AlertType.WARNING);
    alert.setTitle("Import test cases");
    alert.setHeaderText(
        read.badLineCount()
            + " lines of "
            + file.getFileName()
            + " cannot be imported; "
            + read.cases().size()
            + " cases are good.");
    var errors =
        new TextArea(String.join("\n", read.errors().stream().map(LineError::toString).toList()));
    errors.setId("importErrorsArea");
    errors.setEditable(false);
    errors.setPrefRowCount(10);
    errors.setPrefColumnCount(70);
    alert.getDialogPane().setContent(errors);
    var importGood =
        new ButtonType(
            "Import the " + read.cases().size() + " good cases", ButtonBar.ButtonData.OK_DONE);
    alert.getButtonTypes().setAll(ButtonType.CANCEL);
    if (!read.cases().isEmpty()) {
      alert.getButtonTypes().add(0, importGood);
    }
    if (root.getScene() != null) {
      alert.initOwner(root.getScene().getWindow());
    }
    Optional<ButtonType> choice = alert.showAndWait();
    if (choice.isPresent() && choice.get() == importGood) {
      suites.importCases(file, read.cases());
    }
  }

  private Node suitesPane() {
    suiteList.setId("suitesList");
    suiteList.setItems(suites.suites());
    suiteList.setPlaceholder(
        Forms.placeholder("No suites yet.\nSave a playtest as a test case,\nor add one here."));
    suiteList.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(SuiteSummary summary, boolean empty) {
                super.updateItem(summary, empty);
                setText(
                    empty || summary == null
                        ? null
                        : summary.name() + "  (" + summary.caseCount() + ")");
              }
            });
    suiteList
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (!showingSuites && now != null) {
                suites.select(now.id());
              }
            });
    suites
        .suites()
        .addListener((javafx.collections.ListChangeListener<SuiteSummary>) c -> selectShownSuite());
    suites.suiteProperty().addListener((obs, old, now) -> selectShownSuite());
    VBox.setVgrow(suiteList, Priority.ALWAYS);

    var newSuite = Icons.on(Forms.button("New", "newSuiteButton", this::askNewSuite), Feather.PLUS);
    var rename = Forms.button("Rename", "renameSuiteButton", this::askRename);
    var duplicate =
        Icons.on(
            Forms.button("Duplicate", "duplicateSuiteButton", suites::duplicateSuite),
            Feather.COPY);
    var delete =
        Icons.on(Forms.button("Delete", "deleteSuiteButton", suites::deleteSuite), Feather.TRASH_2);
    for (Button needsSuite : List.of(rename, duplicate, delete)) {
      needsSuite.disableProperty().bind(suites.suiteProperty().isNull());
    }
    var undo = Icons.on(Forms.button("Undo", "suitesUndoButton", suites::undo), Feather.ROTATE_CCW);
    undo.disableProperty().bind(suites.history().canUndoProperty().not());
    undo.textProperty().bind(Bindings.concat("Undo ", suites.history().undoLabelProperty()));
    var redo = Icons.on(Forms.button("Redo", "suitesRedoButton", suites::redo), Feather.ROTATE_CW);
    redo.disableProperty().bind(suites.history().canRedoProperty().not());
    var title = new Label("Suites");
    title.getStyleClass().add("details-heading");
    var buttons = new FlowPane(4, 4, newSuite, rename, duplicate, delete);
    var undoRow = new VBox(4, undo, redo);
    undo.setMaxWidth(Double.MAX_VALUE);
    redo.setMaxWidth(Double.MAX_VALUE);
    var pane = new VBox(6, title, suiteList, buttons, undoRow);
    pane.setPadding(new Insets(8));
    pane.setMinWidth(170);
    return pane;
  }

  private void selectShownSuite() {
    showingSuites = true;
    try {
      String id = suites.suite().map(s -> s.id()).orElse(null);
      suiteList.getItems().stream()
          .filter(s -> s.id().equals(id))
          .findFirst()
          .ifPresentOrElse(
              s -> suiteList.getSelectionModel().select(s),
              () -> suiteList.getSelectionModel().clearSelection());
    } finally {
      showingSuites = false;
    }
  }

  private VBox casesPane() {
    var search = new TextField();
    search.setId("caseSearchField");
    search.setPromptText("Search cases");
    search.textProperty().bindBidirectional(suites.searchProperty());
    var tag = new ChoiceBox<String>(suites.tags());
    tag.setId("caseTagFilter");
    tag.valueProperty().bindBidirectional(suites.tagFilterProperty());
    var add =
        Forms.button(
            "Add case",
            "addCaseButton",
            () -> {
              var added = suites.addCase();
              editorModel.caseIdProperty().set(added.id());
            });
    add.disableProperty().bind(suites.suiteProperty().isNull());
    var delete =
        Forms.button(
            "Delete case", "deleteCaseButton", () -> selectedCaseIds().forEach(suites::deleteCase));
    delete.disableProperty().bind(cases.getSelectionModel().selectedItemProperty().isNull());
    var toolbar = new FlowPane(6, 4, search, tag, add, delete);

    cases.setId("casesTable");

    TableHeaders.keepReadable(cases);
    cases.setItems(suites.visibleRows());
    cases.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    cases.setPlaceholder(
        Forms.placeholder(
            "No cases. Save a playtest as a test case, add one, or import a JSONL file (File ▸ Import test cases)."));
    cases
        .getColumns()
        .setAll(
            column("Name", CaseRow::name, 200),
            column("Turns", CaseRow::turns, 50),
            column("Expected routes", CaseRow::expectedRoutesText, 180),
            column("Tags", CaseRow::tagsText, 110),
            column("Last result", CaseRow::lastResult, 90),
            column("", row -> row.stale() ? "stale" : "", 50));
    cases.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    cases.setRowFactory(table -> new CaseTableRow());
    cases
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                editorModel.caseIdProperty().set(now.id());
              }
            });
    VBox.setVgrow(cases, Priority.ALWAYS);

    var pane = new VBox(6, toolbar, missingRoutesBar(), cases);
    pane.setPadding(new Insets(8));
    return pane;
  }

  /** Shown while cases expect routes that no policy has: the fix is one click away. */
  private Node missingRoutesBar() {
    var text = new Label();
    text.setId("missingRoutesLabel");
    text.setWrapText(true);
    var from = new ComboBox<String>();
    from.setId("missingRouteChoice");
    var to = new ComboBox<String>();
    to.setId("mapToRouteChoice");
    var map =
        Forms.button(
            "Map",
            "mapRouteButton",
            () -> {
              if (from.getValue() != null && to.getValue() != null) {
                suites.mapRoute(from.getValue(), to.getValue());
              }
            });
    var bar = new HBox(6, text, from, new Label("map to"), to, map);
    bar.getStyleClass().add("missing-routes-bar");
    bar.setPadding(new Insets(4));
    Runnable refresh =
        () -> {
          var missing = suites.missingRoutes();
          bar.setVisible(!missing.isEmpty());
          bar.setManaged(!missing.isEmpty());
          text.setText(missing.size() + " expected routes no longer exist:");
          from.getItems().setAll(missing);
          if (!missing.isEmpty()
              && (from.getValue() == null || !missing.contains(from.getValue()))) {
            from.setValue(missing.iterator().next());
          }
          to.getItems().setAll(suites.routeChoices());
          if (to.getValue() == null && !to.getItems().isEmpty()) {
            to.setValue(to.getItems().get(0));
          }
        };
    suites
        .visibleRows()
        .addListener((javafx.collections.ListChangeListener<CaseRow>) c -> refresh.run());
    refresh.run();
    return bar;
  }

  private Node editorScroll() {
    var scroll = new javafx.scene.control.ScrollPane(editor.root());
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.getStyleClass().add("details-scroll");
    return scroll;
  }

  private void askNewSuite() {
    var dialog = new TextInputDialog("New suite");
    dialog.setTitle("New suite");
    dialog.setHeaderText("Name of the new test suite");
    owned(dialog);
    dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(suites::newSuite);
  }

  private void askRename() {
    suites
        .suite()
        .ifPresent(
            suite -> {
              var dialog = new TextInputDialog(suite.name());
              dialog.setTitle("Rename suite");
              dialog.setHeaderText("New name of “" + suite.name() + "”");
              owned(dialog);
              dialog
                  .showAndWait()
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .ifPresent(suites::renameSuite);
            });
  }

  private void owned(javafx.scene.control.Dialog<?> dialog) {
    if (root.getScene() != null) {
      dialog.initOwner(root.getScene().getWindow());
    }
  }

  private void alert(Alert.AlertType type, String title, String text) {
    var alert = new Alert(type, text, ButtonType.OK);
    alert.setTitle(title);
    owned(alert);
    alert.showAndWait();
  }

  private static <T> TableColumn<CaseRow, T> column(
      String title, Function<CaseRow, T> value, double width) {
    var column = new TableColumn<CaseRow, T>(title);
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    column.setPrefWidth(width);
    return column;
  }

  /** Marks failed, stale and broken (missing route) cases. */
  private static final class CaseTableRow extends TableRow<CaseRow> {
    @Override
    protected void updateItem(CaseRow row, boolean empty) {
      super.updateItem(row, empty);
      getStyleClass().removeAll("case-failed", "case-missing-route");
      if (!empty && row != null) {
        if (!row.missingRoutes().isEmpty()) {
          getStyleClass().add("case-missing-route");
        } else if (row.failedLastRun()) {
          getStyleClass().add("case-failed");
        }
      }
    }
  }
}
