package io.routebench.app.shell;

import io.routebench.app.icons.Icons;
import io.routebench.app.playtest.PlaytestViewModel;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterSource;
import io.routebench.app.validation.ValidationViewModel;
import io.routebench.app.workspace.SaveState;
import io.routebench.app.workspace.WorkspaceSession;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * The strip at the bottom: whether edits are saved, the problem count, what the last import or
 * export did (for a few seconds), the router engine and model, the prompt profile, the last
 * decision's latency and the workspace file.
 */
final class StatusBar {

  private final Label saveStatus = new Label();
  private final Label problems = new Label();
  private final Label lastTransfer = new Label();
  private final Label file = new Label();
  private final Label router = new Label();
  private final Label profile = new Label();
  private final Label latency = new Label();
  private final HBox root;
  private final ChangeListener<SaveState> failureStyle =
      (obs, old, now) -> {
        saveStatus.getStyleClass().remove("save-failed");
        if (now == SaveState.FAILED) {
          saveStatus.getStyleClass().add("save-failed");
        }
      };
  private WorkspaceSession shown;

  /**
   * @param message what the last command did, shown until it expires
   */
  StatusBar(ReadOnlyBooleanProperty busy, ReadOnlyStringProperty message, LocalRouter localRouter) {
    Icons.on(router, Feather.CPU);
    Icons.on(profile, Feather.FILE_TEXT);
    Icons.on(latency, Feather.CLOCK);
    // Without text (no workspace, no decision yet) an icon alone would be a riddle: hide both.
    for (Label optional : new Label[] {profile, latency}) {
      optional.visibleProperty().bind(optional.textProperty().isNotEmpty());
      optional.managedProperty().bind(optional.visibleProperty());
    }
    router.setId("routerStatusLabel");
    profile.setId("profileStatusLabel");
    latency.setId("latencyStatusLabel");
    router
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  RouterSource loading = localRouter.loadingSourceProperty().get();
                  if (loading != null) {
                    return loading.loadingLabel();
                  }
                  LocalRouter.Loaded loaded = localRouter.loadedProperty().get();
                  return loaded == null
                      ? "llama.cpp · no router model"
                      : loaded.source().statusLabel();
                },
                localRouter.loadedProperty(),
                localRouter.loadingSourceProperty()));
    // The router, profile and latency are short and always readable; the file name gives way.
    for (Label fixed : new Label[] {router, profile, latency}) {
      fixed.setMinWidth(Region.USE_PREF_SIZE);
    }
    saveStatus.setId("saveStatusLabel");
    problems.setId("problemsStatusLabel");
    lastTransfer.setId("transferStatusLabel");
    lastTransfer.textProperty().bind(message);
    lastTransfer
        .tooltipProperty()
        .bind(message.map(text -> text.isEmpty() ? null : new Tooltip(text)));
    file.getStyleClass().add("status-file");
    // The save state and the problem count always stay readable; a long message and the file
    // name give way (each shows its whole text in a tooltip).
    saveStatus.setMinWidth(Region.USE_PREF_SIZE);
    problems.setMinWidth(Region.USE_PREF_SIZE);
    lastTransfer.setMinWidth(0);
    file.setMinWidth(0);
    // Cut at the start: the end of a path names the workspace.
    file.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
    HBox.setHgrow(lastTransfer, Priority.SOMETIMES);
    var spinner = new ProgressIndicator();
    spinner.setPrefSize(14, 14);
    spinner.visibleProperty().bind(busy);
    spinner.managedProperty().bind(busy);
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    root =
        new HBox(
            14,
            spinner,
            saveStatus,
            problems,
            lastTransfer,
            spacer,
            router,
            profile,
            latency,
            file);
    root.setAlignment(Pos.CENTER_LEFT);
    root.setPadding(new Insets(3, 10, 3, 10));
    root.getStyleClass().add("status-bar");
  }

  Node root() {
    return root;
  }

  /** Shows a session's state, or clears the bar when {@code session} is {@code null}. */
  void show(WorkspaceSession session, ValidationViewModel validation, PlaytestViewModel playtest) {
    profile.textProperty().unbind();
    latency.textProperty().unbind();
    saveStatus.textProperty().unbind();
    saveStatus.tooltipProperty().unbind();
    problems.textProperty().unbind();
    saveStatus.getStyleClass().remove("save-failed");
    if (shown != null) {
      shown.autosaver().stateProperty().removeListener(failureStyle);
    }
    shown = session;
    if (session == null) {
      saveStatus.setText("No workspace open");
      problems.setText("");
      profile.setText("");
      latency.setText("");
      file.setText("");
      return;
    }
    var autosaver = session.autosaver();
    saveStatus
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> describe(autosaver.stateProperty().get(), autosaver.failureProperty().get()),
                autosaver.stateProperty(),
                autosaver.failureProperty()));
    autosaver.stateProperty().addListener(failureStyle);
    problems.textProperty().bind(validation.summaryProperty());
    profile
        .textProperty()
        .bind(session.editor().documentProperty().map(d -> "profile " + d.profile().id()));
    latency
        .textProperty()
        .bind(
            playtest
                .draftRoute()
                .decisionProperty()
                .map(
                    d ->
                        String.format(
                            Locale.ROOT,
                            "last decision %.2f s",
                            d.answer().timing().totalMillis() / 1000.0))
                .orElse(""));
    file.setText(session.path().toString());
    file.setTooltip(new Tooltip(session.path().toString()));
  }

  private static String describe(SaveState state, String failure) {
    return switch (state) {
      case SAVED -> "Saved";
      case PENDING, SAVING -> "Saving…";
      case FAILED -> "Not saved: " + failure + " (kept in memory; retried with your next edit)";
    };
  }
}
