package io.routebench.core.doctor;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteNames;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.taxonomy.DescriptionWords;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A router whose answers depend on the descriptions' words, as a real one's do: the route whose
 * description shares the most telling words with the latest user message wins (the first listed of
 * equals), words in a "Not for …" sentence count twice against it, and no shared word at all
 * answers {@code other}.
 */
public class WordOverlapRouter implements RouteSelector {

  /** Decisions made so far. */
  public final AtomicInteger asked = new AtomicInteger();

  CancellationToken cancelAfterAnswers;
  int cancelAfter = -1;

  public static String route(List<RouteOption> routes, String message) {
    Set<String> words = new HashSet<>(DescriptionWords.words(message));
    String best = RouteNames.OTHER;
    int bestScore = 0;
    for (RouteOption route : routes) {
      int score = 0;
      for (String sentence : route.description().split("(?<=[.;])\\s+")) {
        boolean against = sentence.strip().toLowerCase().startsWith("not for");
        for (String word : new HashSet<>(DescriptionWords.words(sentence))) {
          if (words.contains(word)) {
            score += against ? -2 : 1;
          }
        }
      }
      if (score > bestScore) {
        best = route.name();
        bestScore = score;
      }
    }
    return best;
  }

  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return new EngineIdentity("scripted", "word-overlap", "", profile, Map.of());
  }

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    cancellation.throwIfCancelled();
    List<Message> conversation = request.conversation();
    String latest =
        conversation.stream()
            .filter(m -> m.role() == Role.USER)
            .reduce((a, b) -> b)
            .map(Message::content)
            .orElse("");
    String route = route(request.routes(), latest);
    if (asked.incrementAndGet() == cancelAfter && cancelAfterAnswers != null) {
      cancelAfterAnswers.cancel();
    }
    return new RouterAnswer(
        "{\"route\": \"" + route + "\"}",
        AnswerReading.route(route),
        request.profile(),
        DecisionTiming.wallClockOnly(1),
        AnswerExactness.EXACT);
  }

  @Override
  public void close() {}
}
