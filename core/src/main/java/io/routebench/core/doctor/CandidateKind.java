package io.routebench.core.doctor;

/** How a candidate edit was made. */
public enum CandidateKind {
  /** The words the confused policies share, dropped from the route that drew the turns. */
  DROP_SHARED_WORDS("drop shared words"),
  /** The shared words replaced by words of the drawing route's own, correctly routed turns. */
  REPLACE_SHARED_WORDS("replace shared words"),
  /** The terms the misrouted turns use, added to the route they belong to. */
  ADD_TERMS("add distinguishing terms"),
  /** The route that drew the turns, narrowed with what it is not for. */
  NARROW("narrow"),
  /** Both at once: terms added to one route, the other narrowed. */
  ADD_TERMS_AND_NARROW("add terms and narrow"),
  /** A rewrite proposed by a language model the user named. */
  LLM_REWRITE("LLM rewrite");

  private final String label;

  CandidateKind(String label) {
    this.label = label;
  }

  /** A few words for lists and reports. */
  public String label() {
    return label;
  }
}
