package io.routebench.inference.llama;

import de.kherud.llama.InferenceParameters;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.inference.gguf.AnsweringGgufBuilder;
import io.routebench.inference.gguf.GgmlType;
import io.routebench.inference.gguf.HuggingFaceVocabulary;
import io.routebench.inference.gguf.QwenShape;
import io.routebench.inference.gguf.Vocabulary;
import io.routebench.inference.prompt.RouteGrammar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures, in one run on one machine, what a routing decision costs when a proxy makes it naively,
 * when llama.cpp's server makes it at its best, and when RouteBench makes it (the exact decision,
 * and the constrained preview live typing shows first), against the physical limit set by this
 * machine's prompt and decode rates. The model has Qwen2.5-1.5B's shape and Qwen's real vocabulary,
 * and answers like a router: its weights make it write {@code {"route": "debugging"}} in Qwen's own
 * seven tokens and end its turn ({@link AnsweringGgufBuilder}), while every token costs the compute
 * of a real 1.5B model.
 */
public final class RouterBenchmark {

  /** Ten policies in the style of a coding and office assistant. */
  static final List<RouteOption> ROUTES =
      List.of(
          new RouteOption(
              "code generation",
              "Generating new code, functions, classes or scripts from a description of what they should do."),
          new RouteOption(
              "code understanding",
              "Explaining what existing code does, how it works, or why it was written a certain way."),
          new RouteOption(
              "debugging",
              "Finding and fixing the cause of an error message, crash, failing test or wrong output."),
          new RouteOption(
              "code review",
              "Reviewing a diff or pull request for bugs, style, security and maintainability issues."),
          new RouteOption(
              "test writing", "Writing unit, integration or property tests for existing code."),
          new RouteOption(
              "sql queries", "Writing, optimising or explaining SQL queries and database schemas."),
          new RouteOption(
              "document drafting",
              "Drafting reports, proposals, memos or other business documents from notes."),
          new RouteOption(
              "email writing", "Writing or replying to professional emails with the right tone."),
          new RouteOption(
              "data analysis",
              "Analysing tables or numbers, computing statistics and describing trends."),
          new RouteOption(
              "translation",
              "Translating text between languages while keeping tone and formatting."));

  static final List<Message> TURN_2 =
      List.of(
          Message.user(
              "I need a Python function that reads a CSV of orders and returns the total revenue per customer."),
          Message.assistant(
              "Here is a function using csv.DictReader that sums the amount column per customer_id and returns a dict."),
          Message.user("It crashes with KeyError: 'amount' on the March export. Why?"));

  static final List<Message> TURN_3 =
      List.of(
          TURN_2.get(0),
          TURN_2.get(1),
          TURN_2.get(2),
          Message.assistant(
              "The March export names the column 'Amount' with a capital A; DictReader keys are case-sensitive."),
          Message.user(
              "Makes sense. Now write pytest tests covering both spellings of the header."));

  /** Qwen's tokenization of {@code {"route": "debugging"}}, the answer the model writes. */
  static final List<String> ANSWER_PIECES =
      List.of("{\"", "route", "\":", " \"", "debug", "ging", "\"}");

  private final LlamaRouteSelector engine;
  private final PrintWriter out;
  private String lastText = "";

  private RouterBenchmark(LlamaRouteSelector engine, PrintWriter out) {
    this.engine = engine;
    this.out = out;
  }

  /** Builds (once) the Qwen2.5-1.5B-shaped model for {@code tokenizerJson} in {@code cacheDir}. */
  public static Path benchmarkModel(
      Path tokenizerJson, Path cacheDir, GgmlType type, PrintWriter out) throws IOException {
    Files.createDirectories(cacheDir);
    Path model =
        cacheDir.resolve(
            "qwen2.5-1.5b-shape-router-" + type.name().toLowerCase(Locale.ROOT) + ".gguf");
    if (!Files.exists(model)) {
      out.println(
          "Building "
              + model.getFileName()
              + " (answers {\"route\": \"debugging\"}, Qwen's vocabulary; once)...");
      out.flush();
      long start = System.nanoTime();
      Vocabulary vocabulary = HuggingFaceVocabulary.read(tokenizerJson, 151_936);
      new AnsweringGgufBuilder(QwenShape.QWEN2_5_1_5B, vocabulary, ANSWER_PIECES)
          .weightType(type)
          .name("Qwen2.5-1.5B-shaped router (RouteBench benchmark)")
          .write(model);
      out.printf(
          "  built %.1f GB in %.0f s%n",
          Files.size(model) / 1e9, (System.nanoTime() - start) / 1e9);
    }
    return model;
  }

  public static void run(Path model, LlamaEngineSettings settings, PrintWriter out) {
    ChatWrapper wrapper;
    try (LlamaRouteSelector engine =
        LlamaEngineLoader.load(model, settings, w -> out.println("warning: " + w))) {
      new RouterBenchmark(engine, out).measure(settings);
      wrapper = engine.chatWrapper();
    }
    out.println();
    ParallelSlotsBenchmark.run(model, settings, wrapper, out);
  }

  /** Rounds of (c), (d) and (a') interleaved, so background load drifts over all three alike. */
  static final int ROUNDS = 7;

  /** The naive request takes three times as long; a median of three is enough for it. */
  static final int NAIVE_ROUNDS = 3;

  private void measure(LlamaEngineSettings settings) {
    out.printf(
        "Machine: %d cores (%s), Java %s, llama.cpp b4916 via de.kherud:llama 4.2.0, %d threads, batch %d, chunk %d%n",
        Runtime.getRuntime().availableProcessors(),
        cpuName(),
        Runtime.version(),
        settings.threads(),
        settings.batchSize(),
        settings.chunkTokens());
    out.flush();
    var turn2 = new RouteRequest(ROUTES, TURN_2, PromptProfile.ARCHGW_V1);
    var turn3 = new RouteRequest(ROUTES, TURN_3, PromptProfile.ARCHGW_V1);

    evict();
    timedRaw(tokens(engine.chatWrapper().wrap("warm-up")), 1, false, true); // first-call overheads
    evict();

    // The proxy's own request is exactly what the exact decision evaluates.
    int[] proxyTurn2 = tokens(engine.fullPromptText(turn2));
    int[] proxyTurn3 = tokens(engine.fullPromptText(turn3));
    int[] previewPrompt =
        append(proxyTurn3, tokens(RouteGrammar.forRoutes(turn3.profile(), List.of()).prefill()));
    double[] exact = new double[ROUNDS];
    double[] exactLimit = new double[ROUNDS];
    double[] c = new double[ROUNDS];
    double[] d = new double[ROUNDS];
    double[] afterPreview = new double[ROUNDS];
    double[] aPrime = new double[ROUNDS];
    double[] naive = new double[NAIVE_ROUNDS];
    RouterAnswer lastExact = null;
    RouterAnswer lastC = null;
    RouterAnswer lastAfterPreview = null;
    String serverAnswer = "";
    int serverReuse = 0;
    double promptRate = 0;
    double decodeRate = 0;
    for (int round = 0; round < ROUNDS; round++) {
      RouterAnswer b = engine.select(turn2, CancellationToken.none());
      if (round == 0) {
        report("(b) RouteBench first decision, exact (cold cache)", b);
      }
      // (f): the exact decision for the next user turn, as `test` and `route` make it.
      lastExact = engine.select(turn3, CancellationToken.none());
      exact[round] = lastExact.timing().totalMillis();

      // (c) then (h): live typing's preview, then its exact answer, from the same cache state.
      engine.select(turn2, CancellationToken.none());
      var previews = new ArrayList<RouterAnswer>();
      lastAfterPreview = engine.select(turn3, CancellationToken.none(), previews::add);
      lastC = previews.get(0);
      c[round] = lastC.timing().totalMillis();
      afterPreview[round] = lastAfterPreview.timing().totalMillis();

      // (d), (g): this machine's rates, on exactly the tokens (c) evaluated, at their positions.
      int reused = lastC.timing().reusedTokens();
      int evaluated = previewPrompt.length - reused;
      int[] diverging = Arrays.copyOf(previewPrompt, reused + 1);
      diverging[reused] = previewPrompt[reused] == 0 ? 1 : 0;
      timedRaw(diverging, 1, true, false);
      double promptMs = timedRaw(previewPrompt, 1, true, false);
      double oneMs = timedRaw(previewPrompt, 1, true, false);
      int decodeProbe = 16;
      double decodeMs =
          (timedRaw(previewPrompt, 1 + decodeProbe, true, false) - oneMs) / decodeProbe;
      promptRate = evaluated / (promptMs / 1000.0);
      decodeRate = 1000.0 / decodeMs;
      d[round] = limitMillis(lastC, promptRate, decodeRate);
      exactLimit[round] = limitMillis(lastExact, promptRate, decodeRate);

      // (a'): the proxy's request, served with the previous turn in the server's prompt cache and
      // decoded freely to the end of the answer, as production decodes.
      timedRaw(proxyTurn2, LlamaRouteSelector.ANSWER_TOKEN_LIMIT, true, true);
      serverReuse = engine.cache().reusableTokens(proxyTurn3);
      aPrime[round] = timedRaw(proxyTurn3, LlamaRouteSelector.ANSWER_TOKEN_LIMIT, true, true);
      serverAnswer = lastText;
      String naiveNote = "";
      if (round < NAIVE_ROUNDS) {
        naive[round] = timedRaw(proxyTurn3, LlamaRouteSelector.ANSWER_TOKEN_LIMIT, false, true);
        naiveNote = String.format(Locale.ROOT, ", a %.0f ms", naive[round]);
      }
      out.printf(
          "    round %d: f %.0f ms, g %.0f ms, c %.0f ms, d %.0f ms, h %.0f ms, a' %.0f ms%s"
              + " (prompt %.1f tok/s, decode %.1f tok/s)%n",
          round + 1,
          exact[round],
          exactLimit[round],
          c[round],
          d[round],
          afterPreview[round],
          aPrime[round],
          naiveNote,
          promptRate,
          decodeRate);
      out.flush();
    }
    report(
        String.format(Locale.ROOT, "(f) RouteBench exact follow-up, median of %d", ROUNDS),
        median(exact),
        lastExact);
    out.printf(
        "%-52s %8.0f ms  median of %d (%d evaluated / %.1f tok/s + %d generated / %.1f tok/s)%n",
        "(g) physical limit for (f)",
        median(exactLimit),
        ROUNDS,
        lastExact.timing().evaluatedTokens(),
        promptRate,
        lastExact.timing().generatedTokens(),
        decodeRate);
    report(
        String.format(Locale.ROOT, "(c) RouteBench preview follow-up, median of %d", ROUNDS),
        median(c),
        lastC);
    out.printf(
        "%-52s %8.0f ms  median of %d (%d evaluated / %.1f tok/s + %d generated / %.1f tok/s)%n",
        "(d) physical limit for (c)",
        median(d),
        ROUNDS,
        lastC.timing().evaluatedTokens(),
        promptRate,
        lastC.timing().generatedTokens(),
        decodeRate);
    report(
        String.format(Locale.ROOT, "(h) exact answer after the preview, median of %d", ROUNDS),
        median(afterPreview),
        lastAfterPreview);
    int serverTokens = tokens(serverAnswer).length + 1;
    out.printf(
        "%-52s %8.0f ms  median of %d (prompt %d, reused %d, evaluated %d, generated %d) -> %s%n",
        "(a') llama.cpp server at best (prompt cache on)",
        median(aPrime),
        ROUNDS,
        proxyTurn3.length,
        serverReuse,
        proxyTurn3.length - serverReuse,
        serverTokens,
        serverAnswer);
    double aMs = median(naive);
    out.printf(
        "%-52s %8.0f ms  median of %d (prompt %d, reused 0, evaluated %d, generated %d)%n",
        "(a) naive proxy request (no cache reuse)",
        aMs,
        NAIVE_ROUNDS,
        proxyTurn3.length,
        proxyTurn3.length,
        serverTokens);
    out.printf(
        "    generated counts the end-of-turn token; the server's free answer %s RouteBench's exact one.%n",
        serverAnswer.equals(lastExact.rawOutput()) ? "equals" : "DIFFERS FROM");

    double fMs = median(exact);
    double cMs = median(c);
    out.printf(
        "%nExact f = %.0f ms.  Ratios: f/g = %.2f   a'/f = %.2f   a/f = %.2f%n",
        fMs, fMs / median(exactLimit), median(aPrime) / fMs, aMs / fMs);
    out.printf(
        "Preview c = %.0f ms.  Ratios: a/c = %.2f   a'/c = %.2f   c/d = %.2f   (c+h)/f = %.2f%n",
        cMs, aMs / cMs, median(aPrime) / cMs, cMs / median(d), (cMs + median(afterPreview)) / fMs);
    var t = lastExact.timing();
    out.printf(
        "Where (f)'s time goes (last round): %d ms until the first answer token (%d prompt tokens evaluated, %d reused), %d ms decoding %d token(s).%n",
        t.promptMillis(),
        t.evaluatedTokens(),
        t.reusedTokens(),
        t.decodeMillis(),
        t.generatedTokens());
    out.flush();
  }

  /** Evaluated tokens at the prompt rate plus generated tokens at the decode rate, in ms. */
  private static double limitMillis(RouterAnswer answer, double promptRate, double decodeRate) {
    return answer.timing().evaluatedTokens() / promptRate * 1000
        + answer.timing().generatedTokens() / decodeRate * 1000;
  }

  private static int[] append(int[] tokens, int[] more) {
    int[] joined = Arrays.copyOf(tokens, tokens.length + more.length);
    System.arraycopy(more, 0, joined, tokens.length, more.length);
    return joined;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private void report(String label, RouterAnswer answer) {
    report(label, answer.timing().totalMillis(), answer);
  }

  private void report(String label, double millis, RouterAnswer answer) {
    var t = answer.timing();
    out.printf(
        "%-52s %8.0f ms  (prompt %d, reused %d, evaluated %d, generated %d; prompt %d ms, decode %d ms) -> %s%s%n",
        label,
        millis,
        t.promptTokens(),
        t.reusedTokens(),
        t.evaluatedTokens(),
        t.generatedTokens(),
        t.promptMillis(),
        t.decodeMillis(),
        answer.rawOutput(),
        answer.failsInProxy() ? " (proxy error)" : "");
    out.flush();
  }

  private int[] tokens(String text) {
    return engine.model().encode(text);
  }

  /** Replaces the slot's content with one unrelated token, so the next prompt starts cold. */
  private void evict() {
    int[] unrelated = tokens(" .");
    timedRaw(Arrays.copyOf(unrelated, 1), 1, true, false);
  }

  /**
   * Sends tokens straight to llama.cpp and returns the wall time in ms; keeps the tracker honest.
   */
  private double timedRaw(int[] prompt, int predict, boolean cachePrompt, boolean free) {
    // Free decoding is the proxy's request (temperature 0.01, ends at end of turn); otherwise
    // exactly `predict` tokens are decoded, to measure the rates.
    var parameters =
        new InferenceParameters("")
            .setNPredict(predict)
            .setCachePrompt(cachePrompt)
            .setTemperature(free ? 0.01f : 0f)
            .setIgnoreEos(!free);
    PromptTokens.withPromptTokens(parameters, prompt, prompt.length);
    long start = System.nanoTime();
    lastText = engine.model().complete(parameters);
    double millis = (System.nanoTime() - start) / 1e6;
    if (cachePrompt) {
      engine.cache().evaluated(prompt);
    } else {
      engine.cache().invalidate();
    }
    return millis;
  }

  private static String cpuName() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }
}
