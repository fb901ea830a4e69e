package io.routebench.app.download;

import static io.routebench.app.forms.Forms.fieldLabel;
import static io.routebench.app.forms.Forms.help;

import io.routebench.app.download.GetArchRouterViewModel.State;
import io.routebench.app.forms.Forms;
import io.routebench.app.forms.WindowFit;
import io.routebench.inference.download.ArchRouterGguf;
import io.routebench.inference.download.PublishedFile;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Get Arch-Router: pick a quantisation (with its size), read and accept the licence, choose the
 * folder, watch the download (bytes, rate, time left), cancel or resume it, and load the verified
 * file into the Playtest. A window of its own, not modal: a 1 GB download may take a while, and the
 * workbench stays usable meanwhile. Closing it cancels a running download (kept for a resume).
 */
public final class GetArchRouterDialog {

  private final GetArchRouterViewModel viewModel;
  private final Stage stage = new Stage();
  private boolean listed;

  public GetArchRouterDialog(GetArchRouterViewModel viewModel, Window owner) {
    this.viewModel = viewModel;
    stage.initOwner(owner);
    stage.setTitle("Get Arch-Router — RouteBench");

    var intro =
        help(
            "Arch-Router-1.5B, Katanemo's routing model, as a GGUF file for llama.cpp, from the"
                + " Hugging Face repository "
                + ArchRouterGguf.REPOSITORY
                + ". The file is checked against the SHA-256 Hugging Face publishes before it is"
                + " used.");

    var quant = new ComboBox<PublishedFile>(viewModel.files());
    quant.setId("quantChoice");
    quant.valueProperty().bindBidirectional(viewModel.selectedProperty());
    quant.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(PublishedFile file) {
            return file == null ? "" : describe(file);
          }

          @Override
          public PublishedFile fromString(String text) {
            return null;
          }
        });
    quant.setButtonCell(new FileCell());
    quant.setCellFactory(list -> new FileCell());
    quant.setMaxWidth(Double.MAX_VALUE);

    var folder = new TextField();
    folder.setId("destinationField");
    folder.setEditable(false);
    folder
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    viewModel.destinationProperty().get() == null
                        ? ""
                        : viewModel.destinationProperty().get().toString(),
                viewModel.destinationProperty()));
    var change = new Button("Change…");
    change.setOnAction(e -> chooseFolder());
    HBox.setHgrow(folder, Priority.ALWAYS);
    var folderRow = new HBox(6, folder, change);

    var licenceText =
        help(
            "Arch-Router-1.5B is published by Katanemo under its own research licence, not an"
                + " open-source licence. Read the terms on the model page before you download;"
                + " by downloading you accept them.");
    var link = new TextField(ArchRouterGguf.MODEL_PAGE);
    link.setId("licenceLink");
    link.setEditable(false);
    var accept = new CheckBox();
    accept.setId("acceptLicenceBox");
    accept
        .textProperty()
        .bind(
            Bindings.concat(
                "I have read and accept the licence (", viewModel.licenceProperty(), ")"));
    accept.selectedProperty().bindBidirectional(viewModel.licenceAcceptedProperty());
    var licenceBox = new VBox(6, licenceText, link, accept);

    var form = Forms.grid();
    form.setPadding(Insets.EMPTY);
    form.addRow(0, fieldLabel("Quantisation", quant), quant);
    form.addRow(1, fieldLabel("Save in", folderRow), folderRow);
    form.addRow(2, fieldLabel("Licence", licenceBox), licenceBox);

    var bar = new ProgressBar(0);
    bar.setId("downloadProgress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(viewModel.progressProperty());
    bar.visibleProperty()
        .bind(
            viewModel
                .stateProperty()
                .isEqualTo(State.DOWNLOADING)
                .or(viewModel.stateProperty().isEqualTo(State.VERIFIED))
                .or(viewModel.stateProperty().isEqualTo(State.CANCELLED)));
    var progressText = new Label();
    progressText.setId("downloadProgressText");
    progressText.textProperty().bind(viewModel.progressTextProperty());
    var message = help("");
    message.setId("downloadMessage");
    message.textProperty().bind(viewModel.messageProperty());

    var download = new Button();
    download.setId("startDownloadButton");
    download.textProperty().bind(viewModel.downloadLabelProperty());
    download.setDefaultButton(true);
    download.disableProperty().bind(viewModel.canDownload().not());
    download.setOnAction(e -> viewModel.download());
    var retry = new Button("Try again");
    retry.setId("retryListingButton");
    retry.setOnAction(e -> viewModel.loadCatalogue());
    showOnlyWhen(
        retry,
        Bindings.createBooleanBinding(
            () -> viewModel.state() == State.FAILED && viewModel.files().isEmpty(),
            viewModel.stateProperty()));
    var cancel = new Button("Cancel");
    cancel.setId("cancelDownloadButton");
    cancel.setOnAction(e -> viewModel.cancel());
    cancel
        .disableProperty()
        .bind(
            viewModel
                .stateProperty()
                .isNotEqualTo(State.DOWNLOADING)
                .and(viewModel.stateProperty().isNotEqualTo(State.LISTING)));
    var load = new Button("Load in Playtest");
    load.setId("loadDownloadedButton");
    showOnlyWhen(load, viewModel.stateProperty().isEqualTo(State.VERIFIED));
    load.setOnAction(
        e -> {
          viewModel.loadVerified();
          stage.close();
        });
    var close = new Button("Close");
    close.setId("closeDownloadButton");
    close.setOnAction(e -> stage.close());
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var buttons = new HBox(8, spacer, retry, download, cancel, load, close);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    form.disableProperty()
        .bind(
            viewModel
                .stateProperty()
                .isEqualTo(State.DOWNLOADING)
                .or(viewModel.stateProperty().isEqualTo(State.LISTING)));

    var title = new Label("Get Arch-Router");
    title.getStyleClass().add("panel-title");
    var content = new VBox(12, title, intro, form, bar, progressText, message);
    content.setPadding(new Insets(16, 16, 0, 16));
    content.setPrefWidth(620);
    // The buttons stay at the window's foot whatever the message above says: the content
    // scrolls, and the window grows to show a new message when the screen has room.
    var scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    buttons.setPadding(new Insets(12, 16, 16, 16));
    var layout = new BorderPane(scroll);
    layout.setBottom(buttons);
    var scene = new Scene(layout);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    WindowFit.growWithContent(stage);
    // Closing the window is the same as Cancel: the part stays for a resume.
    stage.setOnHidden(e -> viewModel.cancel());
  }

  /** Shows the window; the first time, asks the hub for the files. */
  public void show() {
    stage.show();
    stage.toFront();
    if (!listed) {
      listed = true;
      viewModel.loadCatalogue();
    }
  }

  public boolean isShowing() {
    return stage.isShowing();
  }

  /** The window; for tests. */
  public Stage stage() {
    return stage;
  }

  private void chooseFolder() {
    var chooser = new DirectoryChooser();
    chooser.setTitle("Where to save Arch-Router");
    Path current = viewModel.destinationProperty().get();
    if (current != null && Files.isDirectory(current)) {
      chooser.setInitialDirectory(current.toFile());
    }
    File chosen = chooser.showDialog(stage);
    if (chosen != null) {
      viewModel.destinationProperty().set(chosen.toPath());
    }
  }

  private static String describe(PublishedFile file) {
    String quant = ArchRouterGguf.quantOf(file.name()).orElse(file.name());
    return quant
        + " — "
        + DownloadText.size(file.size())
        + (quant.equals(ArchRouterGguf.DEFAULT_QUANT) ? " (recommended)" : "");
  }

  private static void showOnlyWhen(
      javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
    node.visibleProperty().bind(condition);
    node.managedProperty().bind(node.visibleProperty());
  }

  private static final class FileCell extends ListCell<PublishedFile> {
    @Override
    protected void updateItem(PublishedFile file, boolean empty) {
      super.updateItem(file, empty);
      setText(empty || file == null ? "" : describe(file));
    }
  }
}
