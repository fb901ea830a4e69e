package io.routebench.app.taxonomy;

import java.util.Objects;

/**
 * Identifies a node of the taxonomy tree by its stable id, so a selection survives renames, moves
 * and undo.
 */
public sealed interface NodeRef {

  String id();

  static NodeRef domain(String id) {
    return new DomainRef(id);
  }

  static NodeRef action(String id) {
    return new ActionRef(id);
  }

  record DomainRef(String id) implements NodeRef {
    public DomainRef {
      Objects.requireNonNull(id, "id");
    }
  }

  record ActionRef(String id) implements NodeRef {
    public ActionRef {
      Objects.requireNonNull(id, "id");
    }
  }
}
