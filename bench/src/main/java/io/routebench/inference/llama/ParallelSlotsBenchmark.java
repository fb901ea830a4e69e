package io.routebench.inference.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteRequest;
import io.routebench.inference.prompt.RouterPromptBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whether llama.cpp's parallel slots would make two routing decisions faster than one slot taking
 * them in turn: two different conversations, prompts evaluated from scratch on both sides, so only
 * the slots differ. Part of {@code routebench bench router}; RouteBench runs one slot because of
 * what this prints.
 */
final class ParallelSlotsBenchmark {

  static final int ROUNDS = 3;

  private static final List<String> CONVERSATIONS =
      List.of(
          "I need a Python function that reads a CSV of orders and returns the revenue per customer.",
          "Please draft a memo to the team about moving the quarterly review to next Thursday.");

  private ParallelSlotsBenchmark() {}

  static void run(Path model, LlamaEngineSettings settings, ChatWrapper wrapper, PrintWriter out) {
    List<String> prompts =
        CONVERSATIONS.stream()
            .map(
                text ->
                    wrapper.wrap(
                        RouterPromptBuilder.build(
                                new RouteRequest(
                                    RouterBenchmark.ROUTES,
                                    List.of(Message.user(text)),
                                    PromptProfile.ARCHGW_V1))
                            .text()))
            .toList();
    double[] inTurn = new double[ROUNDS];
    double[] atOnce = new double[ROUNDS];
    ExecutorService clients = Executors.newFixedThreadPool(prompts.size());
    try (var oneSlot = new LlamaModel(LlamaEngineLoader.parametersFor(model, settings, 1));
        var twoSlots =
            new LlamaModel(
                LlamaEngineLoader.parametersFor(
                    model, settings.withContextSize(settings.contextSize() * 2), 2))) {
      decide(oneSlot, "warm-up");
      decide(twoSlots, "warm-up");
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        for (String prompt : prompts) {
          decide(oneSlot, prompt);
        }
        inTurn[round] = millisSince(start);
        start = System.nanoTime();
        var running = prompts.stream().map(p -> clients.submit(() -> decide(twoSlots, p))).toList();
        for (Future<?> decision : running) {
          decision.get();
        }
        atOnce[round] = millisSince(start);
        out.printf(
            "    round %d: one slot, in turn %.0f ms; two slots, at once %.0f ms%n",
            round + 1, inTurn[round], atOnce[round]);
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a decision on two slots failed", e.getCause());
    } finally {
      clients.shutdownNow();
    }
    out.printf(
        "%-52s %8.0f ms  median of %d, vs %.0f ms for one slot taking them in turn: ratio %.2f%n",
        "(e) two cold decisions at once on two slots",
        RouterBenchmark.median(atOnce),
        ROUNDS,
        RouterBenchmark.median(inTurn),
        RouterBenchmark.median(atOnce) / RouterBenchmark.median(inTurn));
    out.flush();
  }

  /** Evaluates the prompt from scratch and samples one token, as a decision's prompt phase does. */
  private static Void decide(LlamaModel model, String prompt) {
    model.complete(
        new InferenceParameters(prompt).setNPredict(1).setCachePrompt(false).setTemperature(0f));
    return null;
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
