package io.routebench.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The port every routing engine implements (Arch-Router on llama.cpp, a remote endpoint, ...).
 * Implementations may be slow and are called off the UI thread; they are not required to be
 * thread-safe: callers serialise access.
 */
public interface RouteSelector extends AutoCloseable {

  /**
   * What produces the answers to requests asked in {@code profile}, recorded with every run. The
   * profile is the workspace's and every request carries it, so an engine learns it only here.
   */
  EngineIdentity identity(PromptProfile profile);

  /**
   * How this engine wraps the prompt in the model's chat template, when it records it. A property
   * of the engine alone: the workspace's profile, which {@link #identity} also records, plays no
   * part in it.
   */
  default Optional<RecordedWrapping> wrapping() {
    return identity(PromptProfile.ARCHGW_V1).wrapping();
  }

  /**
   * Asks the router for one route.
   *
   * @throws RoutingCancelledException when {@code cancellation} fires before the answer is known
   * @throws RoutingException when the engine cannot answer
   */
  RouterAnswer select(RouteRequest request, CancellationToken cancellation);

  /**
   * Like {@link #select(RouteRequest, CancellationToken)}, for an engine that can show an early
   * answer: it passes a {@link AnswerExactness#PREVIEW} to {@code preview} (on the calling thread)
   * as soon as it has one, then returns the {@link AnswerExactness#EXACT} answer, which confirms or
   * corrects it. Engines without a faster way just return the exact answer.
   */
  default RouterAnswer select(
      RouteRequest request, CancellationToken cancellation, Consumer<RouterAnswer> preview) {
    return select(request, cancellation);
  }

  /**
   * The text the model reads for {@code request}: the router prompt inside the model's chat
   * template, as this engine sends it. Empty when the engine cannot see it (a remote server applies
   * its own template).
   */
  default Optional<String> modelInput(RouteRequest request) {
    return Optional.empty();
  }

  /**
   * How many tokens this engine's tokenizer makes of {@code text}, for the description editor's
   * count. Empty when the engine has no tokenizer of its own to ask (a remote server), so that the
   * editor says it shows an estimate. Called on the thread that owns the engine, like {@link
   * #select(RouteRequest, CancellationToken)}.
   */
  default OptionalInt countTokens(String text) {
    return OptionalInt.empty();
  }

  /**
   * Whether this engine may be asked from any thread and answers several requests at once (a served
   * router keeps {@code selectAll}'s requests in flight itself). A local model answers one request
   * at a time on the thread that owns it, so its callers hand it work a little at a time.
   */
  default boolean answersConcurrently() {
    return false;
  }

  /**
   * The order in which this engine answers {@code requests} fastest, as indexes into them: an
   * engine with a prompt cache puts requests that share a prefix next to each other. Callers that
   * cut a batch into parts cut it in this order, so the ordering is not lost at the cuts.
   */
  default int[] answerOrder(List<RouteRequest> requests) {
    return IntStream.range(0, requests.size()).toArray();
  }

  /**
   * Answers many requests, reporting progress after each. Engines with a prompt cache override this
   * to order the work for reuse, remote engines to keep several requests in flight; answers always
   * come back in request order, and {@code progress} is called as {@link BatchProgressListener}
   * says.
   *
   * @throws BatchRequestFailedException (a {@link RoutingException}) when an engine can name the
   *     request that failed
   */
  default List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    var answers = new ArrayList<RouterAnswer>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      cancellation.throwIfCancelled();
      RouterAnswer answer = select(requests.get(i), cancellation);
      answers.add(answer);
      progress.completed(i, answer, i + 1, requests.size());
    }
    return answers;
  }

  @Override
  void close();
}
