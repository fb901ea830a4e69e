package io.routebench.app.validation;

import io.routebench.app.taxonomy.NodeRef;

/** What a validation issue points at, so that clicking it can take the user there. */
public sealed interface IssueTarget {

  /** A domain or action in the taxonomy tree. */
  record Node(NodeRef node) implements IssueTarget {}

  /** A row of the targets table. */
  record TargetRow(int index) implements IssueTarget {}

  /** The target list as a whole (e.g. "no default target"). */
  record TargetList() implements IssueTarget {}

  /** The proxy settings: prompt profile and self-hosted router. */
  record ProxySettings() implements IssueTarget {}

  /** The taxonomy as a whole (e.g. "no routes yet"). */
  record WholeTaxonomy() implements IssueTarget {}

  /** Something no editor shows on its own (e.g. an imported proxy setting). */
  record Elsewhere() implements IssueTarget {}
}
