package io.routebench.inference.llama;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteNames;
import io.routebench.inference.prompt.RouteGrammar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Every way the router's answer may continue after the prefilled {@code {"route": "} (or {@code
 * {"route": [}), each tagged with the route it decides.
 *
 * <p>Decoding stops as soon as every candidate still consistent with the generated text decides
 * the same route: greedy decoding under the grammar could only produce that route from there, so
 * evaluating the remaining forced tokens would be wasted time.
 */
final class AnswerCandidates {

  private final String prefill;
  private final List<Candidate> candidates;

  private AnswerCandidates(String prefill, List<Candidate> candidates) {
    this.prefill = prefill;
    this.candidates = List.copyOf(candidates);
  }

  static AnswerCandidates forProfile(PromptProfile profile, List<String> routeNames) {
    var names = new LinkedHashSet<>(routeNames);
    var candidates = new ArrayList<Candidate>();
    switch (profile) {
      case ARCHGW_V1 -> {
        names.add(RouteNames.OTHER);
        for (String name : names) {
          candidates.add(new Candidate(name + "\"}", name));
        }
        return new AnswerCandidates(
            RouteGrammar.forRoutes(profile, routeNames).prefill(), candidates);
      }
      case PLANO_V1 -> {
        candidates.add(new Candidate("]}", ""));
        for (String name : names) {
          // plano takes the first name of the list; what follows it cannot change the route.
          candidates.add(new Candidate("\"" + name + "\"]}", name));
          candidates.add(new Candidate("\"" + name + "\", ", name));
        }
        return new AnswerCandidates(
            RouteGrammar.forRoutes(profile, routeNames).prefill(), candidates);
      }
    }
    throw new IllegalArgumentException("unsupported profile " + profile);
  }

  /** The text the assistant turn starts with; the model only generates what follows. */
  String prefill() {
    return prefill;
  }

  /** The route decided by {@code generated}, once every consistent candidate agrees. */
  Optional<Candidate> decidedBy(String generated) {
    List<Candidate> consistent = consistentWith(generated);
    if (consistent.isEmpty()) {
      return Optional.empty();
    }
    String route = consistent.get(0).route();
    boolean unanimous = consistent.stream().allMatch(c -> c.route().equals(route));
    return unanimous ? Optional.of(consistent.get(0)) : Optional.empty();
  }

  boolean anyConsistentWith(String generated) {
    return !consistentWith(generated).isEmpty();
  }

  /** A GBNF grammar admitting exactly the remaining text of every consistent candidate. */
  String grammarAfter(String generated) {
    var alternatives = new LinkedHashSet<String>();
    for (Candidate candidate : consistentWith(generated)) {
      String rest = candidate.text().substring(generated.length());
      if (!rest.isEmpty()) {
        alternatives.add(RouteGrammar.literal(rest));
      }
    }
    return "root ::= " + String.join(" | ", alternatives) + "\n";
  }

  /** An upper bound on answer tokens: no token is shorter than one UTF-8 byte. */
  int maxAnswerBytes() {
    return candidates.stream()
        .mapToInt(c -> c.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .max()
        .orElse(0);
  }

  private List<Candidate> consistentWith(String generated) {
    return candidates.stream()
        .filter(c -> c.text().startsWith(generated) || generated.startsWith(c.text()))
        .toList();
  }

  /**
   * @param text the answer text after the prefill, up to the point where the route is certain
   * @param route the route it decides ({@code ""} for plano's empty list)
   */
  record Candidate(String text, String route) {}
}
