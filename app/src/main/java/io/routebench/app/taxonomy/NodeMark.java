package io.routebench.app.taxonomy;

import io.routebench.core.validation.Severity;
import java.util.Objects;

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

  boolean isError() {
    return severity == Severity.ERROR;
  }
}
