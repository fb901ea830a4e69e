package io.routebench.core.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional LLM proposer's side of the doctor: the prompt a model is given for one confusion
 * (the two descriptions, the misrouted turns, a few correctly routed turns of each route), and the
 * candidate read from its answer. Off unless the user turns it on; the prompt is shown to them.
 */
public final class LlmRewrites {

  /** Correctly routed turns shown per route, and misrouted ones at most. */
  static final int EXAMPLES = 3;

  static final int MAX_MISROUTED = 12;

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String INSTRUCTIONS =
      """
      You improve the route descriptions of a preference-aligned LLM router (Arch-Router). The \
      router reads every route's name and description and picks the route whose description best \
      matches the user's latest request, or "other" when none does. Rewrite descriptions so that \
      the misrouted requests below go where they belong, without drawing requests that belong to \
      other routes. Keep each description to one or two plain sentences. Answer with JSON only, \
      naming only the routes you change: {"descriptions": {"<route name>": "<new description>"}}""";

  private final PolicyDocument document;
  private final TurnTexts texts;
  private final Map<String, List<TurnResult>> passedByRoute = new LinkedHashMap<>();

  public LlmRewrites(PolicyDocument document, TestSuite suite, List<TurnResult> results) {
    this.document = document;
    this.texts = TurnTexts.of(suite);
    for (TurnResult turn : results) {
      if (turn.passed()) {
        passedByRoute.computeIfAbsent(turn.expected(), route -> new ArrayList<>()).add(turn);
      }
    }
  }

  /** What the model is asked for {@code confusion}: a system and a user message. */
  public List<Message> prompt(Confusion confusion) {
    var user = new StringBuilder();
    describe(user, confusion.expected(), "where these requests belong");
    describe(user, confusion.answered(), "where the router sent them");
    user.append("\nRequests the router sent to \"")
        .append(confusion.answered())
        .append("\" that belong to \"")
        .append(confusion.expected())
        .append("\":\n");
    texts.of(confusion.turns()).stream()
        .distinct()
        .limit(MAX_MISROUTED)
        .forEach(t -> bullet(user, t));
    examples(user, confusion.expected());
    examples(user, confusion.answered());
    return List.of(new Message(Role.SYSTEM, INSTRUCTIONS), Message.user(user.toString().strip()));
  }

  /** The prompt as one text, as the user is shown it. */
  public static String shown(List<Message> prompt) {
    var text = new StringBuilder();
    for (Message message : prompt) {
      text.append("[").append(message.role().wireName()).append("]\n");
      text.append(message.content()).append("\n\n");
    }
    return text.toString().strip();
  }

  /**
   * The candidate the model's answer proposes, or why there is none: it is not the JSON asked for,
   * names no route of this confusion that has a policy, or changes nothing.
   */
  public Proposal read(Confusion confusion, String answer) {
    JsonNode descriptions;
    try {
      int start = answer.indexOf('{');
      int end = answer.lastIndexOf('}');
      if (start < 0 || end < start) {
        return Proposal.none("the answer holds no JSON object");
      }
      descriptions = JSON.readTree(answer.substring(start, end + 1)).path("descriptions");
    } catch (JsonProcessingException e) {
      return Proposal.none("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (!descriptions.isObject()) {
      return Proposal.none("the answer has no \"descriptions\" object");
    }
    var edits = new ArrayList<DescriptionEdit>();
    for (String route : List.of(confusion.expected(), confusion.answered())) {
      JsonNode proposed = descriptions.path(route);
      Optional<String> before = PolicyDescriptions.of(document, route);
      if (proposed.isTextual() && before.isPresent()) {
        String after = proposed.asText().strip();
        if (!after.isEmpty() && !after.equals(before.get())) {
          edits.add(new DescriptionEdit(route, before.get(), after));
        }
      }
    }
    if (edits.isEmpty()) {
      return Proposal.none(
          "the answer changes no description of "
              + confusion.expected()
              + " or "
              + confusion.answered());
    }
    return new Proposal(
        Optional.of(
            new Candidate(
                CandidateKind.LLM_REWRITE,
                "Rewrite "
                    + String.join(" and ", edits.stream().map(DescriptionEdit::routeName).toList())
                    + " (proposed by the LLM)",
                confusion,
                edits)),
        "");
  }

  /** Hears how asking goes, one confusion after another, on the thread that asks. */
  public interface Asking {

    /** About to ask for a rewrite for {@code confusion} with {@code prompt}. */
    default void asking(Confusion confusion, List<Message> prompt) {}

    /** The model proposed nothing usable for {@code confusion}: {@code why}. */
    void nothing(Confusion confusion, String why);

    /** The model could not be asked ({@code why}); the confusions after it are not asked. */
    void failed(String why);
  }

  /**
   * Asks {@code proposer} for a rewrite for each of {@code confusions} in turn, until the end, a
   * cancel, or a failure to ask (a server that is down fails every time: it is asked once).
   *
   * @return the candidates the answers proposed, to be verified like any other
   */
  public List<Candidate> ask(
      List<Confusion> confusions,
      RewriteProposer proposer,
      CancellationToken cancellation,
      Asking listener) {
    var candidates = new ArrayList<Candidate>();
    for (Confusion confusion : confusions) {
      if (cancellation.isCancelled()) {
        break;
      }
      List<Message> prompt = prompt(confusion);
      listener.asking(confusion, prompt);
      String answer;
      try {
        answer = proposer.complete(prompt, cancellation);
      } catch (RuntimeException failed) {
        listener.failed(failed.getMessage());
        break;
      }
      Proposal proposal = read(confusion, answer);
      proposal
          .candidate()
          .ifPresentOrElse(candidates::add, () -> listener.nothing(confusion, proposal.why()));
    }
    return List.copyOf(candidates);
  }

  /**
   * What one answer gave.
   *
   * @param why why there is no candidate, or {@code ""}
   */
  public record Proposal(Optional<Candidate> candidate, String why) {
    static Proposal none(String why) {
      return new Proposal(Optional.empty(), why);
    }
  }

  private void describe(StringBuilder user, String route, String role) {
    user.append("Route \"").append(route).append("\" (").append(role).append("): ");
    user.append(
        PolicyDescriptions.of(document, route)
            .map(description -> description.isBlank() ? "(no description)" : description)
            .orElse("no route: the router should answer \"other\""));
    user.append('\n');
  }

  private void examples(StringBuilder user, String route) {
    List<String> right =
        texts.of(passedByRoute.getOrDefault(route, List.of())).stream()
            .distinct()
            .limit(EXAMPLES)
            .toList();
    if (!right.isEmpty()) {
      user.append("\nRequests correctly routed to \"").append(route).append("\":\n");
      right.forEach(text -> bullet(user, text));
    }
  }

  private static void bullet(StringBuilder user, String text) {
    user.append("- ").append(text.strip().replace("\n", " ")).append('\n');
  }
}
