package io.routebench.core.doctor;

import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * A proposed change to one or two policy descriptions, aimed at one confusion. Not an improvement
 * until verified: only a {@link VerifiedCandidate} says what it does.
 *
 * @param summary what the edit does, in words, e.g. "Narrow code generation: not for stack traces"
 * @param confusion the confusion it was made for
 * @param edits the descriptions it changes, each at most once
 */
public record Candidate(
    CandidateKind kind, String summary, Confusion confusion, List<DescriptionEdit> edits) {

  public Candidate {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(confusion, "confusion");
    edits = List.copyOf(edits);
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("a candidate edits at least one description");
    }
  }

  /** The policies as they would be with this edit. */
  public PolicyDocument applyTo(PolicyDocument document) {
    PolicyDocument edited = document;
    for (DescriptionEdit edit : edits) {
      edited = PolicyDescriptions.with(edited, edit.routeName(), edit.after());
    }
    return edited;
  }

  /** The characters the edits add or remove, together. */
  public int size() {
    return edits.stream().mapToInt(DescriptionEdit::size).sum();
  }
}
