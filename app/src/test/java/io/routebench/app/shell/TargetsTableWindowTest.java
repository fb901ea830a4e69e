package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The Targets table edited as a spreadsheet is: nothing typed is lost unless Esc says so. */
class TargetsTableWindowTest extends WorkbenchFixture {

  private int added;

  @BeforeEach
  void showTargets() {
    clickOn(
        lookup(".tab-header-area .tab-label")
            .match(n -> n instanceof Label l && l.getText().equals("Targets"))
            .queryAs(Node.class));
    added = document().targets().size();
  }

  @Test
  void tab_stores_a_new_targets_model_id_and_goes_on_to_the_next_cell() {
    clickOn("#addTargetButton").write("openai/o3").push(KeyCode.TAB);

    assertThat(document().targets().get(added).model()).isEqualTo("openai/o3");
    assertThat(problemsText()).doesNotContain("provider/model-id");

    write("o3 (reasoning)").push(KeyCode.TAB);

    assertThat(document().targets().get(added).displayName()).isEqualTo("o3 (reasoning)");
  }

  @Test
  void a_click_on_another_row_stores_what_was_typed() {
    clickOn("#addTargetButton").write("openai/o3");

    clickOn(row(0));

    assertThat(document().targets().get(added).model()).isEqualTo("openai/o3");
  }

  @Test
  void leaving_the_table_for_another_control_stores_what_was_typed() {
    clickOn("#addTargetButton").write("openai/o3");

    clickOn("#problemsStatusLabel");
    clickOn(
        lookup(".tab-header-area .tab-label")
            .match(n -> n instanceof Label l && l.getText().equals("Proxy"))
            .queryAs(Node.class));

    assertThat(document().targets().get(added).model()).isEqualTo("openai/o3");
  }

  @Test
  void enter_stores_and_escape_discards() {
    clickOn("#addTargetButton").write("openai/o3").push(KeyCode.ENTER);
    assertThat(document().targets().get(added).model()).isEqualTo("openai/o3");

    push(KeyCode.F2).write("openai/o4").push(KeyCode.ESCAPE);

    assertThat(document().targets().get(added).model()).isEqualTo("openai/o3");
  }

  @Test
  void rows_stay_where_they_are_while_a_cell_is_edited_and_after_a_refused_edit() {
    List<String> before = rowTops();

    doubleClickOn(cellOf(row(1), 3));
    List<String> editing = rowTops();
    write("https://bob:hunter22@llm.internal/v1").push(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(lookup("#refusedEditLabel").queryLabeled().isVisible()).isTrue();
    List<String> refused = rowTops();

    assertThat(editing).as("while editing").isEqualTo(before);
    assertThat(refused).as("with the refusal shown").isEqualTo(before);
  }

  @Test
  void the_refusal_goes_with_the_next_stored_edit() {
    doubleClickOn(cellOf(row(1), 3));
    write("https://bob:hunter22@llm.internal/v1").push(KeyCode.ENTER);
    assertThat(lookup("#refusedEditLabel").queryLabeled().isVisible()).isTrue();

    doubleClickOn(cellOf(row(1), 2));
    write("Claude").push(KeyCode.ENTER);

    assertThat(document().targets().get(1).displayName()).isEqualTo("Claude");
    assertThat(lookup("#refusedEditLabel").queryLabeled().isVisible()).isFalse();
  }

  private String problemsText() {
    return String.join(
        "\n",
        workbench.window().workspacePane().validation().issues().stream()
            .map(Object::toString)
            .toList());
  }

  private TableRow<?> row(int index) {
    return lookup("#targetsTable .table-row-cell")
        .match(n -> n instanceof TableRow<?> r && r.getIndex() == index)
        .queryAs(TableRow.class);
  }

  private static Node cellOf(TableRow<?> row, int column) {
    return row.getChildrenUnmodifiable().stream()
        .filter(n -> n instanceof TableCell<?, ?>)
        .skip(column)
        .findFirst()
        .orElseThrow();
  }

  /** Where each filled row is on the screen and how tall it is, e.g. "212+39". */
  private List<String> rowTops() {
    WaitForAsyncUtils.waitForFxEvents();
    return lookup("#targetsTable .table-row-cell").queryAll().stream()
        .map(n -> (TableRow<?>) n)
        .filter(r -> r.getItem() != null && r.isVisible())
        .sorted(java.util.Comparator.comparingInt(TableRow::getIndex))
        .map(
            r ->
                Math.round(r.localToScreen(r.getLayoutBounds()).getMinY())
                    + "+"
                    + Math.round(r.getHeight()))
        .toList();
  }
}
