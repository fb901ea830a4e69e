package io.routebench.app.suites;

import io.routebench.app.workspace.WorkspaceSession;
import java.nio.file.Path;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Tab;

/**
 * The Suites tab of one workspace, wired: its view models over the workspace file, reloading when
 * the playtest saves a case. Built and disposed with the workspace pane.
 */
public final class SuitesTab {

  private final WorkspaceSession session;
  private final SuitesViewModel suites;
  private final SuitesView view;
  private final Tab tab;
  private final ChangeListener<Number> caseAdded;

  public SuitesTab(WorkspaceSession session) {
    this.session = session;
    var editor = session.editor();
    suites =
        new SuitesViewModel(
            session.file().suites(),
            session.file().runs(),
            session.fileTasks(),
            editor.documentProperty(),
            run -> false);
    var caseEditor = new CaseEditorViewModel(suites);
    view = new SuitesView(suites, caseEditor);
    tab = new Tab("Suites", view.root());
    tab.setId("suitesTab");
    caseAdded = (obs, old, now) -> suites.reload();
    session.casesAddedProperty().addListener(caseAdded);
    suites.reload();
  }

  public Tab tab() {
    return tab;
  }

  public SuitesViewModel suites() {
    return suites;
  }

  public SuitesView view() {
    return view;
  }

  /** Undoes the last suite edit when the tab is showing; whether it did. */
  public boolean undo() {
    return tab.isSelected() && suites.undo();
  }

  public boolean redo() {
    return tab.isSelected() && suites.redo();
  }

  /** Reads a JSONL file and imports its cases after the user has seen any bad lines. */
  public void importJsonl(Path file) {
    tab.getTabPane().getSelectionModel().select(tab);
    suites.readJsonl(file, read -> view.confirmImport(file, read));
  }

  public void exportJsonl(Path file) {
    suites.exportJsonl(file);
  }

  /** The suite shown, for naming an export. */
  public String suggestedExportName() {
    return suites.suite().map(s -> s.name() + ".jsonl").orElse("suite.jsonl");
  }

  public void dispose() {
    session.casesAddedProperty().removeListener(caseAdded);
  }
}
