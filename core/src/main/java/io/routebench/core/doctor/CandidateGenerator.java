package io.routebench.core.doctor;

import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.taxonomy.DescriptionWords;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes description edits for a run's confusions by rule, from the words involved: for turns
 * that expected A and went to B, drop what B shares with A, add to A the terms the misrouted turns
 * use, narrow B with what it is not for. Cheap and unverified: the doctor runs each through the
 * router before anyone sees it.
 */
public final class CandidateGenerator {

  /** The most terms one edit adds: a description stays a sentence or two. */
  static final int MAX_TERMS = 4;

  private final PolicyDocument document;
  private final TurnTexts texts;
  private final Map<String, List<TurnResult>> passedByRoute = new LinkedHashMap<>();

  /**
   * @param results the run's turns, whose passing ones tell what each route is rightly given
   */
  public CandidateGenerator(PolicyDocument document, TestSuite suite, List<TurnResult> results) {
    this.document = document;
    this.texts = TurnTexts.of(suite);
    for (TurnResult turn : results) {
      if (turn.passed()) {
        passedByRoute.computeIfAbsent(turn.expected(), route -> new ArrayList<>()).add(turn);
      }
    }
  }

  /** Every rule's candidates for every confusion, the largest confusion first. */
  public List<Candidate> candidates(List<Confusion> confusions) {
    var all = new ArrayList<Candidate>();
    confusions.forEach(confusion -> all.addAll(candidates(confusion)));
    return List.copyOf(all);
  }

  /** The candidates for one confusion, without duplicates; none for proxy errors. */
  public List<Candidate> candidates(Confusion confusion) {
    if (confusion.proxyErrors()) {
      return List.of();
    }
    Optional<String> expected = PolicyDescriptions.of(document, confusion.expected());
    Optional<String> answered = PolicyDescriptions.of(document, confusion.answered());
    List<String> misrouted = texts.of(confusion.turns());
    var candidates = new ArrayList<Candidate>();
    if (expected.isPresent() && answered.isPresent()) {
      dropSharedWords(confusion, expected.get(), answered.get()).ifPresent(candidates::add);
      replaceSharedWords(confusion, expected.get(), answered.get()).ifPresent(candidates::add);
    }
    List<String> terms = distinguishingTerms(misrouted, confusion, expected.orElse(""));
    Optional<DescriptionEdit> widened =
        expected.flatMap(description -> addTerms(confusion.expected(), description, terms));
    widened.ifPresent(
        edit ->
            candidates.add(
                new Candidate(
                    CandidateKind.ADD_TERMS,
                    "Add to " + confusion.expected() + ": " + quotedTerms(terms),
                    confusion,
                    List.of(edit))));
    if (answered.isPresent()) {
      Optional<DescriptionEdit> narrowedByTerms =
          terms.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  narrow(
                      confusion.answered(),
                      answered.get(),
                      "requests about " + DescriptionText.joined(terms, "or")));
      narrowedByTerms.ifPresent(
          edit ->
              candidates.add(
                  new Candidate(
                      CandidateKind.NARROW,
                      "Narrow " + confusion.answered() + ": not for " + quotedTerms(terms),
                      confusion,
                      List.of(edit))));
      if (!confusion.expectedOther()) {
        candidates.add(
            new Candidate(
                CandidateKind.NARROW,
                "Narrow "
                    + confusion.answered()
                    + ": not for "
                    + confusion.expected()
                    + " requests",
                confusion,
                List.of(
                    narrow(
                        confusion.answered(),
                        answered.get(),
                        confusion.expected() + " requests"))));
      }
      if (widened.isPresent() && narrowedByTerms.isPresent()) {
        candidates.add(
            new Candidate(
                CandidateKind.ADD_TERMS_AND_NARROW,
                "Add to "
                    + confusion.expected()
                    + " and narrow "
                    + confusion.answered()
                    + ": "
                    + quotedTerms(terms),
                confusion,
                List.of(widened.get(), narrowedByTerms.get())));
      }
    }
    return distinct(candidates);
  }

  private Optional<Candidate> dropSharedWords(
      Confusion confusion, String expected, String answered) {
    Set<String> shared = DescriptionWords.shared(answered, List.of(expected));
    if (shared.isEmpty()) {
      return Optional.empty();
    }
    String after = DescriptionText.withoutWords(answered, shared);
    if (after.isBlank() || after.equals(answered)) {
      return Optional.empty();
    }
    return Optional.of(
        new Candidate(
            CandidateKind.DROP_SHARED_WORDS,
            "Drop from "
                + confusion.answered()
                + " the words it shares with "
                + confusion.expected()
                + ": "
                + quotedTerms(List.copyOf(shared)),
            confusion,
            List.of(new DescriptionEdit(confusion.answered(), answered, after))));
  }

  /**
   * The shared words dropped from the route that drew the turns, and words of its own correctly
   * routed turns put in their place, so it keeps describing what it is for.
   */
  private Optional<Candidate> replaceSharedWords(
      Confusion confusion, String expected, String answered) {
    Set<String> shared = DescriptionWords.shared(answered, List.of(expected));
    if (shared.isEmpty()) {
      return Optional.empty();
    }
    var avoid = new HashSet<>(DescriptionWords.words(expected));
    avoid.addAll(DescriptionWords.words(answered));
    texts.of(confusion.turns()).forEach(text -> avoid.addAll(DescriptionWords.words(text)));
    List<String> own =
        frequentWords(texts.of(passedByRoute.getOrDefault(confusion.answered(), List.of())), avoid);
    if (own.isEmpty()) {
      return Optional.empty();
    }
    String after =
        DescriptionText.withSentence(
            DescriptionText.withoutWords(answered, shared),
            "Covers requests about " + DescriptionText.joined(own, "and") + ".");
    return Optional.of(
        new Candidate(
            CandidateKind.REPLACE_SHARED_WORDS,
            "In "
                + confusion.answered()
                + ", replace "
                + quotedTerms(List.copyOf(shared))
                + " with "
                + quotedTerms(own),
            confusion,
            List.of(new DescriptionEdit(confusion.answered(), answered, after))));
  }

  /**
   * The words the misrouted turns use that the right route's description lacks, most frequent
   * first, leaving out those the wrong route is rightly given too.
   */
  private List<String> distinguishingTerms(
      List<String> misrouted, Confusion confusion, String expectedDescription) {
    var avoid = new HashSet<>(DescriptionWords.words(expectedDescription));
    var answeredRightly = new HashSet<String>();
    texts
        .of(passedByRoute.getOrDefault(confusion.answered(), List.of()))
        .forEach(text -> answeredRightly.addAll(DescriptionWords.words(text)));
    avoid.addAll(answeredRightly);
    return frequentWords(misrouted, avoid);
  }

  /** The words most of {@code texts} use (each text counted once), not in {@code avoid}. */
  private static List<String> frequentWords(List<String> texts, Set<String> avoid) {
    var counts = new LinkedHashMap<String, Integer>();
    for (String text : texts) {
      for (String word : new LinkedHashSet<>(DescriptionWords.words(text))) {
        if (!avoid.contains(word)) {
          counts.merge(word, 1, Integer::sum);
        }
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(MAX_TERMS)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Optional<DescriptionEdit> addTerms(
      String route, String description, List<String> terms) {
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    String after =
        DescriptionText.withSentence(
            description,
            "Also covers requests about " + DescriptionText.joined(terms, "and") + ".");
    return Optional.of(new DescriptionEdit(route, description, after));
  }

  private static DescriptionEdit narrow(String route, String description, String notFor) {
    return new DescriptionEdit(
        route, description, DescriptionText.withSentence(description, "Not for " + notFor + "."));
  }

  private static String quotedTerms(List<String> terms) {
    return terms.stream().map(term -> "“" + term + "”").reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static List<Candidate> distinct(List<Candidate> candidates) {
    var seen = new HashSet<List<DescriptionEdit>>();
    return candidates.stream().filter(candidate -> seen.add(candidate.edits())).toList();
  }
}
