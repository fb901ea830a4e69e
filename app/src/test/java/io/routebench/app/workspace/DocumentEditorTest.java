package io.routebench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentEditorTest {

  private final PolicyDocument original = Documents.codingAndWriting();
  private final List<PolicyDocument> changes = new ArrayList<>();
  private final DocumentEditor editor = new DocumentEditor(original, changes::add);

  @Test
  void an_edit_replaces_the_document_and_reaches_the_listener() {
    editor.apply("rename", d -> d.withName("Renamed"));

    assertThat(editor.document().name()).isEqualTo("Renamed");
    assertThat(changes).extracting(PolicyDocument::name).containsExactly("Renamed");
  }

  @Test
  void undo_and_redo_walk_through_the_steps() {
    editor.apply("first", d -> d.withName("One"));
    editor.apply("second", d -> d.withName("Two"));

    editor.undo();
    assertThat(editor.document().name()).isEqualTo("One");
    assertThat(editor.redoLabelProperty().get()).isEqualTo("second");
    editor.undo();
    assertThat(editor.document()).isEqualTo(original);
    assertThat(editor.canUndoProperty().get()).isFalse();

    editor.redo();
    editor.redo();
    assertThat(editor.document().name()).isEqualTo("Two");
    assertThat(editor.canRedoProperty().get()).isFalse();
  }

  @Test
  void a_typing_burst_is_one_undo_step() {
    editor.applyTyping("name", "rename", d -> d.withName("R"));
    editor.applyTyping("name", "rename", d -> d.withName("Ro"));
    editor.applyTyping("name", "rename", d -> d.withName("Rou"));

    editor.undo();

    assertThat(editor.document()).isEqualTo(original);
    assertThat(editor.canUndoProperty().get()).isFalse();
  }

  @Test
  void leaving_the_field_ends_the_burst() {
    editor.applyTyping("name", "rename", d -> d.withName("Rou"));
    editor.endTypingBurst();
    editor.applyTyping("name", "rename", d -> d.withName("Route"));

    editor.undo();

    assertThat(editor.document().name()).isEqualTo("Rou");
  }

  @Test
  void typing_in_another_field_starts_a_new_step() {
    editor.applyTyping("name", "rename", d -> d.withName("Routes"));
    editor.applyTyping("other", "other", d -> d.withName("Routes!"));

    editor.undo();

    assertThat(editor.document().name()).isEqualTo("Routes");
  }

  @Test
  void an_edit_that_changes_nothing_leaves_no_undo_step() {
    editor.apply("nothing", d -> d);

    assertThat(editor.canUndoProperty().get()).isFalse();
    assertThat(changes).isEmpty();
  }

  @Test
  void a_new_edit_after_undo_discards_the_redo_steps() {
    editor.apply("first", d -> d.withName("One"));
    editor.undo();

    editor.apply("other", d -> d.withName("Other"));

    assertThat(editor.canRedoProperty().get()).isFalse();
    editor.redo();
    assertThat(editor.document().name()).isEqualTo("Other");
  }

  @Test
  void undo_reaches_the_listener_so_it_is_saved_too() {
    editor.apply("first", d -> d.withName("One"));

    editor.undo();

    assertThat(changes).extracting(PolicyDocument::name).containsExactly("One", original.name());
  }

  @Test
  void the_oldest_steps_are_dropped_beyond_the_limit() {
    for (int i = 0; i <= DocumentEditor.MAX_UNDO_STEPS; i++) {
      int n = i;
      editor.apply("step", d -> d.withName("name " + n));
    }
    int undone = 0;
    while (editor.canUndoProperty().get()) {
      editor.undo();
      undone++;
    }

    assertThat(undone).isEqualTo(DocumentEditor.MAX_UNDO_STEPS);
    assertThat(editor.document().name()).isEqualTo("name 0");
  }
}
