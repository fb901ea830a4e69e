package io.routebench.inference.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.prompt.RouterAnswerParser;
import io.routebench.inference.prompt.RouterPromptBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Arch-Router on llama.cpp: the exact production prompt, greedy decoding constrained to the known
 * route names, and as little evaluation as the KV cache allows.
 *
 * <p>How a decision runs:
 *
 * <ol>
 *   <li>The prompt is the proxy's prompt byte for byte, wrapped by the model's chat template, with
 *       the assistant turn prefilled up to the route name ({@code {"route": "}).
 *   <li>Only the part not already in the KV cache is evaluated, in chunks of {@link
 *       LlamaEngineSettings#chunkTokens()} tokens; between chunks the request can be cancelled.
 *   <li>Tokens are then sampled one at a time under a grammar that admits only the continuations
 *       of still-possible answers; decoding stops the moment they all name the same route.
 * </ol>
 *
 * <p>Not thread-safe: call it from one thread (the app gives llama.cpp a dedicated one).
 */
public final class LlamaRouteSelector implements RouteSelector {

  private final LlamaModel model;
  private final ChatWrapper chatWrapper;
  private final LlamaEngineSettings settings;
  private final EngineIdentity identity;
  private final KvCacheTracker cache = new KvCacheTracker();

  LlamaRouteSelector(
      LlamaModel model,
      ChatWrapper chatWrapper,
      LlamaEngineSettings settings,
      EngineIdentity identity) {
    this.model = model;
    this.chatWrapper = chatWrapper;
    this.settings = settings;
    this.identity = identity;
  }

  @Override
  public EngineIdentity identity() {
    return identity;
  }

  /** Whether the model had no usable chat template and ChatML is used instead. */
  public boolean usesChatMlFallback() {
    return chatWrapper.fallback();
  }

  public LlamaEngineSettings settings() {
    return settings;
  }

  /** The exact text sent to llama.cpp for a request (chat wrapper and prefill included). */
  public String fullPromptText(RouteRequest request) {
    return chatWrapper.wrap(RouterPromptBuilder.build(request).text())
        + AnswerCandidates.forProfile(request.profile(), routeNames(request)).prefill();
  }

  /** The chat wrapper was rendered once at load; this only concatenates. */
  @Override
  public Optional<String> modelInput(RouteRequest request) {
    return Optional.of(fullPromptText(request));
  }

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    cancellation.throwIfCancelled();
    long start = System.nanoTime();
    var candidates = AnswerCandidates.forProfile(request.profile(), routeNames(request));
    String text =
        chatWrapper.wrap(RouterPromptBuilder.build(request).text()) + candidates.prefill();
    int[] prompt = model.encode(text);
    requireFitsContext(prompt.length, candidates);

    int reused = cache.reusableTokens(prompt);
    evaluatePromptInChunks(prompt, reused, cancellation);
    String piece = sampleNext(prompt, candidates.grammarAfter(""));
    String generated = piece;
    int sampledTokens = 1;
    long promptDone = System.nanoTime();

    int[] sequence = prompt;
    Optional<AnswerCandidates.Candidate> decided = candidates.decidedBy(generated);
    while (decided.isEmpty()) {
      cancellation.throwIfCancelled();
      if (piece.indexOf('\uFFFD') >= 0) {
        // The token ended inside a multi-byte character, so its bytes are unknown here: let
        // llama.cpp finish the answer in one request, which returns only complete text.
        String before = generated.substring(0, generated.length() - piece.length());
        String rest = finishInOneRequest(sequence, before, candidates);
        generated = before + rest;
        sampledTokens += model.encode(rest).length - 1;
        decided = candidates.decidedBy(generated);
        break;
      }
      sequence = append(sequence, model.encode(piece));
      piece = sampleNext(sequence, candidates.grammarAfter(generated));
      generated += piece;
      sampledTokens++;
      decided = candidates.decidedBy(generated);
    }
    long end = System.nanoTime();

    // The raw output shows what the model committed to: the prefill, then the answer up to the
    // point where the route was certain, completed with the forced remainder.
    String rawOutput =
        candidates.prefill() + decided.map(AnswerCandidates.Candidate::text).orElse(generated);
    var timing =
        new DecisionTiming(
            prompt.length,
            reused,
            prompt.length - reused,
            sampledTokens,
            millis(promptDone - start),
            millis(end - promptDone),
            millis(end - start));
    return new RouterAnswer(
        rawOutput,
        RouterAnswerParser.parse(rawOutput, request.profile()),
        request.profile(),
        timing);
  }

  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    var answers = new RouterAnswer[requests.size()];
    int done = 0;
    for (int index : CacheFriendlyOrder.of(requests)) {
      cancellation.throwIfCancelled();
      answers[index] = select(requests.get(index), cancellation);
      done++;
      progress.completed(index, answers[index], done, requests.size());
    }
    return Arrays.asList(answers);
  }

  @Override
  public void close() {
    model.close();
  }

  /** For the benchmark, which drives the same llama.cpp instance directly for its baselines. */
  LlamaModel model() {
    return model;
  }

  KvCacheTracker cache() {
    return cache;
  }

  ChatWrapper chatWrapper() {
    return chatWrapper;
  }

  private void evaluatePromptInChunks(int[] prompt, int reused, CancellationToken cancellation) {
    int evaluated = reused;
    // The last chunk is evaluated together with sampling the first answer token.
    while (prompt.length - evaluated > settings.chunkTokens()) {
      cancellation.throwIfCancelled();
      int end = evaluated + settings.chunkTokens();
      run(parameters(prompt, end, null));
      cache.evaluated(Arrays.copyOf(prompt, end));
      evaluated = end;
    }
    cancellation.throwIfCancelled();
  }

  /** Evaluates {@code tokens} (beyond the cache) and samples one token under {@code grammar}. */
  private String sampleNext(int[] tokens, String grammar) {
    String piece = run(parameters(tokens, tokens.length, grammar));
    cache.evaluated(tokens);
    return piece;
  }

  private String finishInOneRequest(
      int[] tokens, String generatedSoFar, AnswerCandidates candidates) {
    var parameters =
        parameters(tokens, tokens.length, candidates.grammarAfter(generatedSoFar))
            .setNPredict(candidates.maxAnswerBytes() + 1);
    String rest = run(parameters);
    // The slot now also holds tokens this engine did not see; reuse only what is certain.
    cache.evaluated(tokens);
    return rest;
  }

  private InferenceParameters parameters(int[] tokens, int count, String grammar) {
    var parameters =
        new InferenceParameters("").setNPredict(1).setCachePrompt(true).setTemperature(0f);
    if (grammar != null) {
      parameters.setGrammar(grammar);
    }
    return PromptTokens.withPromptTokens(parameters, tokens, count);
  }

  private String run(InferenceParameters parameters) {
    try {
      return model.complete(parameters);
    } catch (RuntimeException e) {
      // The binding's LlamaException is not public; it is the only runtime failure here.
      cache.invalidate();
      throw new RoutingException("llama.cpp failed to answer: " + e.getMessage(), e);
    }
  }

  private void requireFitsContext(int promptTokens, AnswerCandidates candidates) {
    int needed = promptTokens + candidates.maxAnswerBytes() + 1;
    if (needed > settings.contextSize()) {
      throw new RoutingException(
          "The router prompt needs "
              + promptTokens
              + " tokens (plus up to "
              + (needed - promptTokens)
              + " for the answer) but the context holds "
              + settings.contextSize()
              + ". Raise the context size in the engine settings, or shorten the route descriptions.");
    }
  }

  private static int[] append(int[] tokens, int[] more) {
    int[] joined = Arrays.copyOf(tokens, tokens.length + more.length);
    System.arraycopy(more, 0, joined, tokens.length, more.length);
    return joined;
  }

  private static List<String> routeNames(RouteRequest request) {
    return request.routes().stream().map(RouteOption::name).toList();
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1_000_000.0);
  }
}
