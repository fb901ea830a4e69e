package io.routebench.app.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * What a user could not read in a window as it is laid out now: text cut to "…" (the text a {@link
 * Labeled} holds against the text its skin displays), lists, tables, text areas and scroll panes
 * squeezed below a couple of lines, and buttons that fall off the window's edge.
 *
 * <p>Rows inside lists, tables and trees are left out: a long value in a narrow column is cut on
 * purpose, and the full text is one resize away. Column headers, tabs, buttons, form labels and
 * combo boxes' shown values are all checked; text cut on purpose (a path cut at its start or
 * middle, a one-line message made to give way) is not, when its tooltip shows the whole text. A
 * combo box's list is left out too: it is laid out only when it pops up.
 */
public final class LayoutProblems {

  /** Below this a list or a text area shows less than two lines. */
  public static final double MIN_CONTENT_HEIGHT = 40;

  private LayoutProblems() {}

  /** The problems of {@code window}'s scene, each naming the node and its text. */
  public static List<String> of(Window window) {
    var problems = new ArrayList<String>();
    if (window.getScene() == null || !window.isShowing()) {
      return problems;
    }
    Parent root = window.getScene().getRoot();
    root.applyCss();
    root.layout();
    visit(root, window, problems);
    return problems;
  }

  /**
   * The problems of {@code window}, less those whose description contains one of {@code known}
   * (problems another change is fixing; each should be named where this is called).
   */
  public static List<String> of(Window window, Set<String> known) {
    return of(window).stream().filter(p -> known.stream().noneMatch(p::contains)).toList();
  }

  private static void visit(Node node, Window window, List<String> problems) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof VirtualFlow<?> || node instanceof ComboBoxBase<?>) {
      if (node instanceof ComboBoxBase<?> combo) {
        visitCombo(combo, problems);
      }
      return;
    }
    if (node instanceof Labeled labeled) {
      elided(labeled).ifPresent(problems::add);
      if (node instanceof ButtonBase) {
        offWindow(node, window).ifPresent(problems::add);
      }
    }
    if (isContentPane(node) && node instanceof Region region) {
      if (isSqueezed(region)) {
        problems.add(
            describe(node)
                + " is "
                + Math.round(region.getHeight())
                + " px tall (less than "
                + Math.round(MIN_CONTENT_HEIGHT)
                + ")");
      }
    }
    if (node instanceof TableView<?> table) {
      columnsOutOfSight(table).ifPresent(problems::add);
    }
    if (node instanceof ScrollPane scroll) {
      // Its content may lie beyond the window: the user scrolls to it. Check it all the same.
      if (scroll.getContent() != null) {
        visitScrolled(scroll.getContent(), window, problems);
      }
      if (isContentPane(node)) {
        return;
      }
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        visit(child, window, problems);
      }
    }
  }

  /** Inside a scroll pane nothing is off the window: only elision and squeezed panes count. */
  private static void visitScrolled(Node node, Window window, List<String> problems) {
    if (!node.isVisible() || node instanceof VirtualFlow<?>) {
      return;
    }
    if (node instanceof ComboBoxBase<?> combo) {
      visitCombo(combo, problems);
      return;
    }
    if (node instanceof Labeled labeled) {
      elided(labeled).ifPresent(problems::add);
    }
    if (isContentPane(node) && node instanceof Region region && isSqueezed(region)) {
      problems.add(describe(node) + " is " + Math.round(region.getHeight()) + " px tall");
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        visitScrolled(child, window, problems);
      }
    }
  }

  /** The value a combo box shows (its button cell), not the list that pops up. */
  private static void visitCombo(ComboBoxBase<?> combo, List<String> problems) {
    for (Node child : combo.getChildrenUnmodifiable()) {
      if (child instanceof Labeled shown && child.isVisible()) {
        elided(shown).ifPresent(p -> problems.add(p + " in " + describe(combo)));
      }
    }
  }

  /** Shorter than two lines, and shorter than it would be: a short list that fits is fine. */
  private static boolean isSqueezed(Region region) {
    double wanted = region.prefHeight(region.getWidth());
    return region.getHeight() < Math.min(MIN_CONTENT_HEIGHT, wanted) - 0.5;
  }

  private static boolean isContentPane(Node node) {
    return node instanceof ListView<?>
        || node instanceof TableView<?>
        || node instanceof TreeView<?>
        || node instanceof TextArea
        || node instanceof ScrollPane
        || node instanceof Chart;
  }

  private static java.util.Optional<String> elided(Labeled labeled) {
    String text = labeled.getText();
    if (text == null || text.isEmpty() || labeled.getWidth() <= 0) {
      return java.util.Optional.empty();
    }
    String expected = labeled.isMnemonicParsing() ? withoutMnemonic(text) : text;
    if (isShortenedPath(labeled, expected)) {
      return java.util.Optional.empty();
    }
    for (Node child : labeled.getChildrenUnmodifiable()) {
      // The skin's LabeledText: what the user reads.
      if (child instanceof Text shown
          && child.getStyleClass().contains("text")
          && !expected.equals(shown.getText())) {
        return java.util.Optional.of(
            describe(labeled) + " shows “" + shown.getText() + "” instead of “" + expected + "”");
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * A table that fits its columns to its width has no horizontal scroll bar: columns wider in sum
   * than the table are partly out of sight for good.
   */
  private static java.util.Optional<String> columnsOutOfSight(TableView<?> table) {
    if (table.getColumnResizePolicy() == TableView.UNCONSTRAINED_RESIZE_POLICY
        || table.getWidth() <= 0) {
      return java.util.Optional.empty();
    }
    double columns = table.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum();
    double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
    if (columns > room + 1) {
      return java.util.Optional.of(
          describe(table)
              + " has columns "
              + Math.round(columns)
              + " px wide in "
              + Math.round(room)
              + " px, without a scroll bar");
    }
    return java.util.Optional.empty();
  }

  /**
   * Cut on purpose, the whole text a hover away: a path cut at its start or middle, or a one-line
   * message made to give way to its neighbours (minimum width 0), such as the status bar's.
   */
  private static boolean isShortenedPath(Labeled labeled, String text) {
    OverrunStyle overrun = labeled.getTextOverrun();
    boolean keepsTheEnd =
        overrun == OverrunStyle.LEADING_ELLIPSIS
            || overrun == OverrunStyle.CENTER_ELLIPSIS
            || overrun == OverrunStyle.LEADING_WORD_ELLIPSIS
            || overrun == OverrunStyle.CENTER_WORD_ELLIPSIS;
    boolean givesWay = labeled.getMinWidth() == 0 && !labeled.isWrapText();
    return (keepsTheEnd || givesWay)
        && labeled.getTooltip() != null
        && text.equals(labeled.getTooltip().getText());
  }

  private static java.util.Optional<String> offWindow(Node node, Window window) {
    Bounds bounds = node.localToScene(node.getLayoutBounds());
    double width = window.getScene().getWidth();
    double height = window.getScene().getHeight();
    if (bounds.getWidth() > 0 && (bounds.getMaxX() > width + 1 || bounds.getMaxY() > height + 1)) {
      return java.util.Optional.of(
          describe(node)
              + " ends at ("
              + Math.round(bounds.getMaxX())
              + ", "
              + Math.round(bounds.getMaxY())
              + "), outside the "
              + Math.round(width)
              + "×"
              + Math.round(height)
              + " window");
    }
    return java.util.Optional.empty();
  }

  /** "_Save" reads "Save"; "__" reads "_". */
  static String withoutMnemonic(String text) {
    var shown = new StringBuilder();
    boolean consumed = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_' && i + 1 < text.length() && (text.charAt(i + 1) == '_' || !consumed)) {
        consumed |= text.charAt(i + 1) != '_';
        shown.append(text.charAt(++i));
        continue;
      }
      shown.append(c);
    }
    return shown.toString();
  }

  /** The node's kind, id and text, e.g. {@code Button#removeTurnButton "Remove"}. */
  public static String describe(Node node) {
    var description = new StringBuilder(node.getClass().getSimpleName());
    if (node.getId() != null) {
      description.append('#').append(node.getId());
    }
    if (node instanceof Labeled labeled && labeled.getText() != null) {
      description.append(" “").append(labeled.getText()).append('”');
    }
    Node parent = node.getParent();
    for (int depth = 0; parent != null && depth < 12; depth++, parent = parent.getParent()) {
      if (parent.getId() != null) {
        description.append(" in #").append(parent.getId());
        break;
      }
    }
    return description.toString();
  }
}
