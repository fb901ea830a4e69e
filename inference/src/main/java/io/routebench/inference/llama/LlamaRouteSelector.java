package io.routebench.inference.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.prompt.RouterAnswerParser;
import io.routebench.inference.prompt.RouterPromptBuilder;
import io.routebench.inference.serving.ExpectedRendering;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Arch-Router on llama.cpp: the exact production prompt, the production decision, and as little
 * evaluation as the KV cache allows.
 *
 * <p>The decision ({@link AnswerExactness#EXACT}) is what production gets: the proxy's prompt byte
 * for byte, wrapped by the model's chat template, then free greedy decoding (no grammar, no
 * prefill: the model writes {@code {"route": "} itself) up to its end-of-turn token or {@link
 * #ANSWER_TOKEN_LIMIT} tokens, judged by {@link RouterAnswerParser} as the profile's proxy judges
 * it. Only the part of the prompt not already in the KV cache is evaluated, in chunks of {@link
 * LlamaEngineSettings#chunkTokens()} tokens with a cancellation checkpoint between chunks; the last
 * chunk and the whole answer are one llama.cpp request, decoded natively.
 *
 * <p>Live typing asks for a preview first ({@link #select(RouteRequest, CancellationToken,
 * Consumer)}): the same prompt plus the prefill {@code {"route": "}, then tokens sampled one at a
 * time under a grammar of the continuations still possible, stopping the moment they all name the
 * same route. It can only name a route, so it is provisional; the exact answer follows at the cost
 * of its decoding alone, since the preview left the whole prompt in the cache.
 *
 * <p>Not thread-safe: call it from one thread (the app gives llama.cpp a dedicated one).
 */
public final class LlamaRouteSelector implements RouteSelector {

  /**
   * Where free decoding stops when the model has not ended its turn. A router answer takes ~6-20
   * tokens; production decodes on (to the serving engine's limit), so an answer cut here is judged
   * by its first {@value} tokens and says so.
   */
  public static final int ANSWER_TOKEN_LIMIT = 64;

  private final LlamaModel model;
  private final ChatWrapper chatWrapper;
  private final LlamaEngineSettings settings;
  private final Function<PromptProfile, EngineIdentity> identity;
  private final KvCacheTracker cache = new KvCacheTracker();

  LlamaRouteSelector(
      LlamaModel model,
      ChatWrapper chatWrapper,
      LlamaEngineSettings settings,
      Function<PromptProfile, EngineIdentity> identity) {
    this.model = model;
    this.chatWrapper = chatWrapper;
    this.settings = settings;
    this.identity = identity;
  }

  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return identity.apply(profile);
  }

  /** Whether the model had no usable chat template and ChatML is used instead. */
  public boolean usesChatMlFallback() {
    return chatWrapper.fallback();
  }

  public LlamaEngineSettings settings() {
    return settings;
  }

  /** The exact text the model sees for a request: the proxy's prompt in the chat template. */
  public String fullPromptText(RouteRequest request) {
    return chatWrapper.wrap(RouterPromptBuilder.build(request).text());
  }

  /**
   * This engine's text for {@code userMessage} as the only message, with its token ids: what "Check
   * against my server" holds the server's rendering against. On the engine's thread.
   */
  public ExpectedRendering expectedRendering(String userMessage) {
    String text = chatWrapper.wrap(userMessage);
    // The profile belongs to the workspace; it has no bearing on how the model wraps a message.
    EngineIdentity engine = identity.apply(PromptProfile.ARCHGW_V1);
    return new ExpectedRendering(
        text,
        IntStream.of(model.encode(text)).boxed().toList(),
        "the loaded "
            + engine.model()
            + engine.wrapping().map(w -> ", wrapped as " + w.summary() + " wraps it").orElse(""));
  }

  /** The chat wrapper was rendered once at load; this only concatenates. */
  @Override
  public Optional<String> modelInput(RouteRequest request) {
    return Optional.of(fullPromptText(request));
  }

  /** The model's own tokenizer: what the description costs of the prompt's token budget. */
  @Override
  public OptionalInt countTokens(String text) {
    return OptionalInt.of(text.isEmpty() ? 0 : model.encode(text).length);
  }

  /** The exact answer: free greedy decoding, as production decodes. */
  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    cancellation.throwIfCancelled();
    return exact(request, model.encode(fullPromptText(request)), cancellation);
  }

  /** A constrained preview first (passed to {@code preview}), then the exact answer. */
  @Override
  public RouterAnswer select(
      RouteRequest request, CancellationToken cancellation, Consumer<RouterAnswer> preview) {
    cancellation.throwIfCancelled();
    int[] prompt = model.encode(fullPromptText(request));
    preview.accept(preview(request, prompt, cancellation));
    cancellation.throwIfCancelled();
    return exact(request, prompt, cancellation);
  }

  private RouterAnswer exact(RouteRequest request, int[] prompt, CancellationToken cancellation) {
    long start = System.nanoTime();
    requireFitsContext(prompt.length, ANSWER_TOKEN_LIMIT);
    int reused = cache.reusableTokens(prompt);
    evaluatePromptInChunks(prompt, reused, cancellation);
    FreeAnswer answer = decodeFreely(prompt, start);
    long end = System.nanoTime();

    AnswerReading reading =
        RouterAnswerParser.read(answer.text(), request.profile(), routeNames(request));
    if (answer.cut() && reading.failsInProxy()) {
      reading =
          AnswerReading.proxyError(
              reading.proxyError()
                  + " (the model had not ended its answer after "
                  + ANSWER_TOKEN_LIMIT
                  + " tokens, where RouteBench stops decoding)");
    }
    var timing =
        new DecisionTiming(
            prompt.length,
            reused,
            prompt.length - reused,
            answer.tokens(),
            millis(answer.firstTokenAt() - start),
            millis(end - answer.firstTokenAt()),
            millis(end - start));
    return new RouterAnswer(
        answer.text(), reading, request.profile(), timing, AnswerExactness.EXACT);
  }

  /**
   * One request that evaluates what is left of the prompt and decodes freely to the end of the
   * turn. Streamed, so the time of the first token separates prompt from decode time; read to its
   * end, never cancelled (the binding's cancel can hang), which bounds a superseded request's
   * remaining work by {@link #ANSWER_TOKEN_LIMIT} decode steps.
   */
  private FreeAnswer decodeFreely(int[] prompt, long start) {
    var parameters =
        PromptTokens.withPromptTokens(
            new InferenceParameters("")
                .setNPredict(ANSWER_TOKEN_LIMIT)
                .setCachePrompt(true)
                .setTemperature(0f),
            prompt,
            prompt.length);
    var text = new StringBuilder();
    int outputs = 0;
    long firstTokenAt = 0;
    String lastPiece = "";
    try {
      for (LlamaOutput output : model.generate(parameters)) {
        if (outputs++ == 0) {
          firstTokenAt = System.nanoTime();
        }
        text.append(output.text);
        if (!output.text.isEmpty()) {
          lastPiece = output.text;
        }
      }
    } catch (RuntimeException e) {
      cache.invalidate();
      throw new RoutingException("llama.cpp failed to answer: " + e.getMessage(), e);
    }
    // The slot also holds the answer's tokens, which this engine cannot see: keep what is certain.
    cache.evaluated(prompt);
    // One streamed output per sampled token (the end-of-turn token's is empty), then a final one.
    int tokens = Math.max(0, outputs - 1);
    boolean cut = tokens >= ANSWER_TOKEN_LIMIT && !lastPiece.isEmpty();
    return new FreeAnswer(text.toString(), tokens, firstTokenAt == 0 ? start : firstTokenAt, cut);
  }

  /**
   * @param tokens tokens sampled, the end-of-turn token included
   * @param cut whether decoding stopped at {@link #ANSWER_TOKEN_LIMIT} rather than at end of turn
   */
  private record FreeAnswer(String text, int tokens, long firstTokenAt, boolean cut) {}

  /**
   * The constrained early answer: the exact prompt plus the prefill, decoded under a grammar of the
   * still-possible answers until one route is certain.
   */
  private RouterAnswer preview(RouteRequest request, int[] exactPrompt, CancellationToken cancel) {
    long start = System.nanoTime();
    var candidates = AnswerCandidates.forProfile(request.profile(), routeNames(request));
    // Appended as tokens, so the exact prompt stays a prefix that the exact answer reuses.
    int[] prompt = append(exactPrompt, model.encode(candidates.prefill()));
    requireFitsContext(prompt.length, candidates.maxAnswerBytes() + 1);

    int reused = cache.reusableTokens(prompt);
    evaluatePromptInChunks(prompt, reused, cancel);
    String piece = sampleNext(prompt, candidates.grammarAfter(""));
    String generated = piece;
    int sampledTokens = 1;
    long promptDone = System.nanoTime();

    int[] sequence = prompt;
    Optional<AnswerCandidates.Candidate> decided = candidates.decidedBy(generated);
    while (decided.isEmpty()) {
      cancel.throwIfCancelled();
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

    // The preview shows what the model committed to: the prefill, then the answer up to the point
    // where the route was certain, completed with the forced remainder.
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
        RouterAnswerParser.read(rawOutput, request.profile(), routeNames(request)),
        request.profile(),
        timing,
        AnswerExactness.PREVIEW);
  }

  /** Conversations that share a prefix next to each other, so the KV cache carries over. */
  @Override
  public int[] answerOrder(List<RouteRequest> requests) {
    return CacheFriendlyOrder.of(requests);
  }

  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    var answers = new RouterAnswer[requests.size()];
    int done = 0;
    for (int index : answerOrder(requests)) {
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

  private void requireFitsContext(int promptTokens, int answerTokens) {
    int needed = promptTokens + answerTokens;
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
