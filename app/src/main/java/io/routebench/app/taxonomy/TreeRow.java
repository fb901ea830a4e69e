package io.routebench.app.taxonomy;

/**
 * What one row of the taxonomy tree shows. A new value is set on the row's tree item whenever it
 * changes, which is what makes the cell redraw.
 *
 * @param coarseRoute for a domain: whether it is a route on its own
 * @param target the target model of the node's route, as the badge shows it, or {@code null}
 */
record TreeRow(NodeRef node, String name, boolean coarseRoute, String target) {

  TreeRow(NodeRef node, String name, boolean coarseRoute) {
    this(node, name, coarseRoute, null);
  }

  boolean isDomain() {
    return node instanceof NodeRef.DomainRef;
  }
}
