package io.routebench.app.workspace;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.UiTimer;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.workspace.PolicyDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One open workspace while the user works in it: the file, the document being edited and the
 * autosaver that writes every edit back. Confined to the UI thread.
 */
public final class WorkspaceSession {

  private final OpenWorkspace workspace;
  private final DocumentEditor editor;
  private final DocumentAutosaver autosaver;
  private final TaskExecutor saves;
  private final UiTimer timer;
  private final ReadOnlyIntegerWrapper casesAdded = new ReadOnlyIntegerWrapper(this, "casesAdded");
  private final List<Runnable> beforeClose = new ArrayList<>();

  private WorkspaceSession(
      OpenWorkspace workspace,
      DocumentEditor editor,
      DocumentAutosaver autosaver,
      TaskExecutor saves,
      UiTimer timer) {
    this.workspace = workspace;
    this.editor = editor;
    this.autosaver = autosaver;
    this.saves = saves;
    this.timer = timer;
  }

  /**
   * @param loaded the document just read from {@code workspace}
   * @param saves runs the autosaves, in order
   */
  public static WorkspaceSession start(
      OpenWorkspace workspace,
      PolicyDocument loaded,
      TaskExecutor saves,
      UiTimer timer,
      Duration saveInterval) {
    var autosaver = new DocumentAutosaver(workspace.policies(), loaded, saves, timer, saveInterval);
    var editor = new DocumentEditor(loaded, autosaver::submit);
    return new WorkspaceSession(workspace, editor, autosaver, saves, timer);
  }

  /** Waits on the UI thread, e.g. before a message about an edit expires. */
  public UiTimer timer() {
    return timer;
  }

  public Path path() {
    return workspace.path();
  }

  /** The file name without the {@code .routebench} extension, as window titles show it. */
  public String displayName() {
    return WorkspaceFiles.displayName(workspace.path());
  }

  /** What opening the file did that the user should hear of (a backup kept beside it). */
  public java.util.List<String> notices() {
    return workspace.notices();
  }

  /** Whether the workspace file is in a place RouteBench cannot write. */
  public boolean isReadOnly() {
    return workspace.isReadOnly();
  }

  public DocumentEditor editor() {
    return editor;
  }

  public DocumentAutosaver autosaver() {
    return autosaver;
  }

  /** The workspace file's suites and runs: use them only in tasks run by {@link #fileTasks()}. */
  public OpenWorkspace file() {
    return workspace;
  }

  /** Runs work on the thread that writes the file, in order with the autosaves. */
  public TaskExecutor fileTasks() {
    return saves;
  }

  /** Counts the test cases {@link #addTestCase} stored, so suite views know to reload. */
  public ReadOnlyIntegerProperty casesAddedProperty() {
    return casesAdded.getReadOnlyProperty();
  }

  /**
   * Adds a test case to the suite named {@code suiteName}, creating the suite when there is none,
   * on the thread that writes the file (so it never interleaves with an autosave).
   *
   * @param saved runs on the UI thread once the case is in the file
   * @param failed runs on the UI thread with the reason it is not
   */
  public void addTestCase(
      String suiteName, TestCase testCase, Runnable saved, Consumer<Throwable> failed) {
    saves.execute(
        BackgroundTask.ofAction(
                "Saving test case " + testCase.name(),
                () -> {
                  TestSuiteRepository suites = workspace.suites();
                  TestSuite suite =
                      suites
                          .findSuiteByName(suiteName)
                          .orElseGet(
                              () -> suites.createSuite(suiteName, "Saved from the playtest"));
                  suites.addCases(suite.id(), List.of(testCase));
                })
            .onSuccess(
                done -> {
                  casesAdded.set(casesAdded.get() + 1);
                  saved.run();
                })
            .onFailure(failed));
  }

  /**
   * Saves the last edit and releases the file. When the save fails the workspace stays open and the
   * failure is thrown, so the caller can keep the edit (see {@link UnsavedChangesRescue}).
   */
  public void close(Duration waitForSaveInFlight) throws InterruptedException {
    // What is kept beside the document must not keep the document from being saved.
    RuntimeException keptFailure = null;
    for (Runnable write : beforeClose) {
      try {
        write.run();
      } catch (RuntimeException e) {
        if (keptFailure == null) {
          keptFailure = e;
        } else {
          keptFailure.addSuppressed(e);
        }
      }
    }
    autosaver.flush(waitForSaveInFlight);
    if (keptFailure != null) {
      throw keptFailure;
    }
    workspace.close();
  }

  /**
   * Runs {@code write} on the UI thread when the workspace is about to close, while its file can
   * still be written: for what is kept beside the document (the playtest conversation).
   */
  public void beforeClose(Runnable write) {
    beforeClose.add(write);
  }

  /** Releases the file without saving: only after the unsaved edit was rescued elsewhere. */
  void abandon() {
    workspace.close();
  }
}
