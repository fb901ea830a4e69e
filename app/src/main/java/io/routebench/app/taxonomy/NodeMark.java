package io.routebench.app.taxonomy;

import io.routebench.core.validation.Severity;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the tree shows on a node with validation problems: an error or warning glyph, and the
 * problems in the Problems panel's words as its tooltip.
 *
 * @param severity the worst of the node's problems
 * @param problems one line per problem
 */
public record NodeMark(Severity severity, String problems) {

  public NodeMark {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(problems, "problems");
  }

  /**
   * A domain's mark: its own problems and its actions', so that a collapsed domain still shows that
   * something inside it needs fixing.
   *
   * @param marks some may be {@code null} (nodes without problems)
   * @return {@code null} when none of the nodes has a problem
   */
  static NodeMark combine(List<NodeMark> marks) {
    List<NodeMark> present = marks.stream().filter(Objects::nonNull).toList();
    if (present.isEmpty()) {
      return null;
    }
    Severity worst =
        present.stream().anyMatch(NodeMark::isError) ? Severity.ERROR : Severity.WARNING;
    return new NodeMark(
        worst, present.stream().map(NodeMark::problems).collect(Collectors.joining("\n")));
  }

  boolean isError() {
    return severity == Severity.ERROR;
  }
}
