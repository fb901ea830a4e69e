package io.routebench.app.suites;

import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The edits the case editor makes, each returning the edited case (cases are immutable). */
final class CaseEdits {

  private CaseEdits() {}

  static TestCase withName(TestCase c, String name) {
    return new TestCase(c.id(), name, c.tags(), c.notes(), c.messages());
  }

  static TestCase withNotes(TestCase c, String notes) {
    return new TestCase(c.id(), c.name(), c.tags(), notes, c.messages());
  }

  /** Tags from comma-separated text: trimmed, blanks and repeats dropped. */
  static TestCase withTags(TestCase c, String commaSeparated) {
    List<String> tags =
        Arrays.stream(commaSeparated.split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .distinct()
            .toList();
    return new TestCase(c.id(), c.name(), tags, c.notes(), c.messages());
  }

  static TestCase withContent(TestCase c, int index, String content) {
    CaseMessage m = c.messages().get(index);
    return withMessage(c, index, new CaseMessage(m.role(), content, m.expectedRoute()));
  }

  /** A user message keeps its expectation; one becoming a user message expects {@code route}. */
  static TestCase withRole(TestCase c, int index, Role role, String route) {
    CaseMessage m = c.messages().get(index);
    if (m.role() == role) {
      return c;
    }
    String expected = role == Role.USER ? route : null;
    return withMessage(c, index, new CaseMessage(role, m.content(), expected));
  }

  static TestCase withExpectedRoute(TestCase c, int index, String route) {
    CaseMessage m = c.messages().get(index);
    if (m.role() != Role.USER) {
      throw new IllegalArgumentException("only user messages expect a route");
    }
    return withMessage(c, index, CaseMessage.user(m.content(), route));
  }

  /** Adds a message after {@code afterIndex} ({@code -1}: first). */
  static TestCase withMessageAdded(TestCase c, int afterIndex, Role role, String route) {
    var messages = new ArrayList<>(c.messages());
    messages.add(afterIndex + 1, new CaseMessage(role, "", role == Role.USER ? route : null));
    return new TestCase(c.id(), c.name(), c.tags(), c.notes(), messages);
  }

  static TestCase withMessageDeleted(TestCase c, int index) {
    var messages = new ArrayList<>(c.messages());
    messages.remove(index);
    return new TestCase(c.id(), c.name(), c.tags(), c.notes(), messages);
  }

  /** Moves a message one place up ({@code -1}) or down ({@code +1}); unchanged at either end. */
  static TestCase withMessageMoved(TestCase c, int index, int step) {
    int target = index + step;
    if (target < 0 || target >= c.messages().size()) {
      return c;
    }
    var messages = new ArrayList<>(c.messages());
    messages.add(target, messages.remove(index));
    return new TestCase(c.id(), c.name(), c.tags(), c.notes(), messages);
  }

  static TestCase mapRoute(TestCase c, String from, String to) {
    var messages =
        c.messages().stream()
            .map(
                m ->
                    m.role() == Role.USER && from.equals(m.expectedRoute())
                        ? CaseMessage.user(m.content(), to)
                        : m)
            .toList();
    return new TestCase(c.id(), c.name(), c.tags(), c.notes(), messages);
  }

  private static TestCase withMessage(TestCase c, int index, CaseMessage message) {
    var messages = new ArrayList<>(c.messages());
    messages.set(index, message);
    return new TestCase(c.id(), c.name(), c.tags(), c.notes(), messages);
  }
}
