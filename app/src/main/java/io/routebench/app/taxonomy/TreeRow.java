package io.routebench.app.taxonomy;

/**
 * What one row of the taxonomy tree shows. A new value is set on the row's tree item whenever it
 * changes, which is what makes the cell redraw.
 *
 * @param coarseRoute for a domain: whether it is a route on its own
 * @param target the target model of the node's route, as the badge shows it, or {@code null}
 * @param mark the node's validation problems, or {@code null} for none
 * @param filterMatch whether the node itself matches the tree's filter (not only a child of it)
 */
record TreeRow(
    NodeRef node,
    String name,
    boolean coarseRoute,
    String target,
    NodeMark mark,
    boolean filterMatch) {

  boolean isDomain() {
    return node instanceof NodeRef.DomainRef;
  }
}
