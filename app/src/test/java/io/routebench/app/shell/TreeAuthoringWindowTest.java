package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Authoring in the taxonomy tree: duplicate, copy and paste, the context menu. */
class TreeAuthoringWindowTest extends WorkbenchFixture {

  @Test
  void ctrl_d_duplicates_a_node_under_a_unique_name_and_one_ctrl_z_takes_it_back() {
    selectInTree("debugging");

    push(KeyCode.CONTROL, KeyCode.D);

    assertThat(treeLabels()).contains("debugging", "debugging (copy)");
    assertThat(document().taxonomy().routeNames()).contains("debugging (copy)");
    assertThat(treeLabels()).contains("debugging (copy)");
    push(KeyCode.CONTROL, KeyCode.Z);
    assertThat(treeLabels()).contains("debugging").doesNotContain("debugging (copy)");
  }

  @Test
  void a_copied_action_pastes_into_a_domain_and_the_clipboard_text_is_its_yaml() {
    selectInTree("debugging");
    push(KeyCode.CONTROL, KeyCode.C);
    String text = clipboardText();
    String domain = document().taxonomy().domains().get(1).name();
    selectInTree(domain);

    push(KeyCode.CONTROL, KeyCode.V);

    assertThat(text).contains("routebench: 1", "name: debugging");
    assertThat(document().taxonomy().domains().get(1).actions().getLast().name())
        .isEqualTo("debugging (copy)");
    push(KeyCode.CONTROL, KeyCode.Z);
    assertThat(document().taxonomy().routeNames()).doesNotContain("debugging (copy)");
  }

  @Test
  void policy_yaml_text_from_elsewhere_pastes_as_a_domain_and_other_text_says_why_not() {
    selectInTree("debugging");
    putOnClipboard("routebench: 1\nname: x\ndomains:\n  - name: travel\n    actions: []\n");
    push(KeyCode.CONTROL, KeyCode.V);
    assertThat(treeLabels()).contains("travel");

    putOnClipboard("hello there");
    push(KeyCode.CONTROL, KeyCode.V);

    Label message = lookup("#treeMessage").queryAs(Label.class);
    assertThat(message.isVisible()).isTrue();
    assertThat(message.getText()).startsWith("Nothing pasted:");
  }

  @Test
  void the_context_menu_opened_from_the_keyboard_duplicates_the_selected_node() {
    selectInTree("debugging");
    push(KeyCode.SHIFT, KeyCode.F10);
    WaitForAsyncUtils.waitForFxEvents();

    ContextMenu menu =
        (ContextMenu)
            listWindows().stream().filter(ContextMenu.class::isInstance).findFirst().orElseThrow();
    MenuItem duplicate =
        menu.getItems().stream()
            .filter(item -> "duplicateMenuItem".equals(item.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(duplicate.isDisable()).isFalse();
    interact(duplicate::fire);

    assertThat(document().taxonomy().routeNames()).contains("debugging (copy)");
    assertThat(treeLabels()).contains("debugging (copy)");
  }

  @Test
  void double_click_starts_an_inline_rename() {
    doubleClickOn(
        lookup("#taxonomyTree .tree-cell .label")
            .match(label -> label instanceof Label l && l.getText().equals("debugging"))
            .queryLabeled());

    push(KeyCode.CONTROL, KeyCode.A).write("bug fixing").push(KeyCode.ENTER);

    assertThat(treeLabels()).contains("bug fixing").doesNotContain("debugging");
  }

  private String clipboardText() {
    String[] text = new String[1];
    interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
    return text[0];
  }

  private void putOnClipboard(String text) {
    interact(
        () -> {
          var content = new ClipboardContent();
          content.putString(text);
          Clipboard.getSystemClipboard().setContent(content);
        });
  }
}
