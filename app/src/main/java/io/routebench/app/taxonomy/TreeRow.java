package io.routebench.app.taxonomy;

/**
 * What one row of the taxonomy tree shows. A new value is set on the row's tree item whenever it
 * changes, which is what makes the cell redraw.
 *
 * @param coarseRoute for a domain: whether it is a route on its own
 */
record TreeRow(NodeRef node, String name, boolean coarseRoute) {

  boolean isDomain() {
    return node instanceof NodeRef.DomainRef;
  }
}
