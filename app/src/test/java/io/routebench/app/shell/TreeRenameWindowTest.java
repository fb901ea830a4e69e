package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.taxonomy.NodeRef;
import javafx.scene.Node;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Renaming in the tree leaves the keyboard there, and keeps what was typed unless Esc. */
class TreeRenameWindowTest extends WorkbenchFixture {

  @Test
  void after_f2_and_enter_the_arrow_keys_move_on_in_the_tree() {
    selectInTree("debugging");

    push(KeyCode.F2).push(KeyCode.CONTROL, KeyCode.A).write("bug fixing").push(KeyCode.ENTER);

    assertThat(treeLabels()).contains("bug fixing");
    assertThat(focusOwner()).isInstanceOf(TreeView.class);
    push(KeyCode.DOWN);
    assertThat(selectedName()).isEqualTo("code review");
  }

  @Test
  void after_f2_and_escape_the_keyboard_stays_in_the_tree() {
    selectInTree("debugging");

    push(KeyCode.F2).write("nothing").push(KeyCode.ESCAPE);

    assertThat(treeLabels()).contains("debugging");
    assertThat(focusOwner()).isInstanceOf(TreeView.class);
  }

  @Test
  void a_click_on_another_node_keeps_the_typed_name() {
    selectInTree("debugging");

    push(KeyCode.F2).push(KeyCode.CONTROL, KeyCode.A).write("bug fixing");
    selectInTree("code review");

    assertThat(treeLabels()).contains("bug fixing").doesNotContain("debugging");
  }

  private Node focusOwner() {
    WaitForAsyncUtils.waitForFxEvents();
    return stage.getScene().getFocusOwner();
  }

  private String selectedName() {
    NodeRef selected = workbench.window().workspacePane().taxonomy().selectionProperty().get();
    return document().taxonomy().domains().stream()
        .flatMap(d -> d.actions().stream())
        .filter(a -> a.id().equals(selected.id()))
        .map(a -> a.name())
        .findFirst()
        .orElse(selected.id());
  }
}
