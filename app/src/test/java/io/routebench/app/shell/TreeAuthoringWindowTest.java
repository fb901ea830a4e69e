package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.taxonomy.Taxonomy;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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

  @Test
  void ctrl_f_filters_the_tree_keeping_parents_and_esc_restores_it_as_it_was() {
    selectInTree("debugging");
    TreeView<?> tree = lookup("#taxonomyTree").queryAs(TreeView.class);
    TreeItem<?> devops = domainItem(tree, "devops");
    interact(() -> devops.setExpanded(false));

    push(KeyCode.CONTROL, KeyCode.F).write("debug");

    assertThat(treeLabels())
        .contains("coding", "debugging")
        .doesNotContain("code generation", "devops");
    assertThat(lookup(".tree-cell.filter-match").queryAll()).hasSize(1);

    push(KeyCode.ESCAPE);

    assertThat(treeLabels()).contains("code generation", "devops");
    assertThat(domainItem(tree, "devops").isExpanded()).isFalse();
    assertThat(domainItem(tree, "coding").isExpanded()).isTrue();
  }

  @Test
  void a_filter_without_matches_says_so_and_a_filtered_node_can_still_be_renamed() {
    push(KeyCode.CONTROL, KeyCode.F).write("zzzz");
    Label placeholder = lookup("#treePlaceholder").queryAs(Label.class);
    assertThat(placeholder.isVisible()).isTrue();
    assertThat(placeholder.getText()).contains("zzzz");

    interact(() -> lookup("#treeFilter").queryAs(TextField.class).setText("debugging"));
    assertThat(placeholder.isVisible()).isFalse();
    selectInTree("debugging");
    push(KeyCode.F2).push(KeyCode.CONTROL, KeyCode.A).write("debugging and fixing");
    push(KeyCode.ENTER);

    assertThat(document().taxonomy().routeNames()).contains("debugging and fixing");
    assertThat(treeLabels()).contains("debugging and fixing");
  }

  @Test
  void a_node_added_while_the_filter_hides_it_clears_the_filter() {
    selectInTree("debugging");
    push(KeyCode.CONTROL, KeyCode.F).write("debug");

    clickOn("#addActionButton");

    assertThat(lookup("#treeFilter").queryAs(TextField.class).getText()).isEmpty();
    assertThat(treeLabels()).contains("New action", "code generation");
  }

  @Test
  void a_node_with_a_problem_shows_a_mark_with_the_problem_as_tooltip_until_it_is_fixed() {
    assertThat(lookup("#taxonomyTree .problem-mark").queryAllAs(Label.class))
        .noneMatch(Label::isVisible);
    String description = action("debugging").description();

    interact(() -> setDescription("debugging", ""));

    var marks =
        lookup("#taxonomyTree .problem-mark").queryAllAs(Label.class).stream()
            .filter(Node::isVisible)
            .toList();
    // The action's own, and its domain's, which shows it even when collapsed.
    assertThat(marks).hasSize(2);
    for (Label mark : marks) {
      var cell = (TreeCell<?>) mark.getParent().getParent();
      assertThat(cell.getTooltip().getText()).contains("debugging · description");
      assertThat(mark.getGraphic().getStyleClass()).contains("error-icon");
    }

    interact(() -> setDescription("debugging", description));
    assertThat(lookup("#taxonomyTree .problem-mark").queryAllAs(Label.class))
        .noneMatch(Label::isVisible);
  }

  private void setDescription(String actionName, String description) {
    String id = action(actionName).id();
    session()
        .editor()
        .apply(
            "describe",
            d ->
                d.withTaxonomy(
                    new Taxonomy(
                        d.taxonomy().domains().stream()
                            .map(
                                domain ->
                                    domain.withActions(
                                        domain.actions().stream()
                                            .map(
                                                a ->
                                                    a.id().equals(id)
                                                        ? a.withDescription(description)
                                                        : a)
                                            .toList()))
                            .toList())));
  }

  private static TreeItem<?> domainItem(TreeView<?> tree, String name) {
    return tree.getRoot().getChildren().stream()
        .filter(item -> item.getValue().toString().contains("name=" + name + ","))
        .findFirst()
        .orElseThrow();
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
