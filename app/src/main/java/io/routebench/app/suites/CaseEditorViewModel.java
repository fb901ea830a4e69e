package io.routebench.app.suites;

import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Edits one test case: its name, tags, notes and conversation, each change stored and undoable
 * through the {@link SuitesViewModel}. Confined to the UI thread.
 */
public final class CaseEditorViewModel {

  private final SuitesViewModel suites;
  private final StringProperty caseId = new SimpleStringProperty(this, "caseId");
  private final ReadOnlyObjectWrapper<TestCase> testCase =
      new ReadOnlyObjectWrapper<>(this, "testCase");

  public CaseEditorViewModel(SuitesViewModel suites) {
    this.suites = suites;
    caseId.addListener((obs, old, now) -> refresh());
    suites.suiteProperty().addListener((obs, old, now) -> refresh());
  }

  /** The case being edited (its id), or {@code null}. */
  public StringProperty caseIdProperty() {
    return caseId;
  }

  /** The case as stored, updated with every edit (and undo); {@code null} when none is chosen. */
  public ReadOnlyObjectProperty<TestCase> testCaseProperty() {
    return testCase.getReadOnlyProperty();
  }

  public Optional<TestCase> testCase() {
    return Optional.ofNullable(testCase.get());
  }

  public List<String> routeChoices() {
    return suites.routeChoices();
  }

  public void rename(String name) {
    String trimmed = name.strip();
    if (!trimmed.isEmpty()) {
      edit("rename case", c -> CaseEdits.withName(c, trimmed));
    }
  }

  public void setTags(String commaSeparated) {
    edit("change tags", c -> CaseEdits.withTags(c, commaSeparated));
  }

  public void setNotes(String notes) {
    edit("change notes", c -> CaseEdits.withNotes(c, notes));
  }

  public void setContent(int index, String content) {
    edit("edit message", c -> CaseEdits.withContent(c, index, content));
  }

  public void setRole(int index, Role role) {
    edit("change role", c -> CaseEdits.withRole(c, index, role, routeChoices().get(0)));
  }

  public void setExpectedRoute(int index, String route) {
    edit("change expected route", c -> CaseEdits.withExpectedRoute(c, index, route));
  }

  /** Adds an empty message after {@code afterIndex} ({@code -1}: at the start). */
  public void addMessage(int afterIndex, Role role) {
    edit(
        "add message", c -> CaseEdits.withMessageAdded(c, afterIndex, role, routeChoices().get(0)));
  }

  public void deleteMessage(int index) {
    edit("delete message", c -> CaseEdits.withMessageDeleted(c, index));
  }

  public void moveMessage(int index, int step) {
    edit("move message", c -> CaseEdits.withMessageMoved(c, index, step));
  }

  /** Whether the message at {@code index} expects a route the workspace has no policy for. */
  public boolean expectsMissingRoute(int index) {
    TestCase current = testCase.get();
    if (current == null || index < 0 || index >= current.messages().size()) {
      return false;
    }
    CaseMessage message = current.messages().get(index);
    return message.expectedRoute() != null && !routeChoices().contains(message.expectedRoute());
  }

  private void edit(String label, java.util.function.UnaryOperator<TestCase> change) {
    TestCase current = testCase.get();
    if (current != null) {
      suites.updateCase(label, change.apply(current));
      refresh();
    }
  }

  private void refresh() {
    String id = caseId.get();
    testCase.set(id == null ? null : suites.findCase(id).orElse(null));
  }
}
