package io.routebench.app.playtest;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.StreamingChatClient;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Asks a route's target model for its reply to the conversation, off the UI thread. The text grows
 * on the UI thread at most every {@link #PUBLISH_INTERVAL}, so a fast stream cannot flood it; the
 * whole reply (or what came before a stop or a failure) follows once.
 */
public final class TargetReplies {

  /** How often a streaming reply's text is shown grown. */
  static final Duration PUBLISH_INTERVAL = Duration.ofMillis(50);

  /**
   * Where a reply stands; every call is on the UI thread. Once the reply's cancellation fired, only
   * {@link #stopped} is heard: the reply is checked on arrival, nowhere else.
   */
  public interface Listener {

    /** More of the reply has come: the text so far. */
    void grew(String textSoFar);

    void finished(String text);

    /** Stopped on request; {@code textSoFar} is what came before. */
    void stopped(String textSoFar);

    /** {@code why} is meant for the user; {@code textSoFar} is what came before. */
    void failed(String textSoFar, String why);
  }

  private final StreamingChatClient client;
  private final TaskExecutor workers;
  private final LongSupplier nanoClock;

  /**
   * @param workers where a reply streams in, and how its text comes back to the UI thread
   */
  public TargetReplies(StreamingChatClient client, TaskExecutor workers) {
    this(client, workers, System::nanoTime);
  }

  TargetReplies(StreamingChatClient client, TaskExecutor workers, LongSupplier nanoClock) {
    this.client = client;
    this.workers = workers;
    this.nanoClock = nanoClock;
  }

  /** Why {@code target} cannot be asked for a reply, or {@code null} when it can. */
  public static String whyNotAskable(ModelTarget target) {
    if (target.baseUrl() == null || target.baseUrl().isBlank()) {
      return target.label()
          + " has no base URL, so RouteBench cannot ask it. Give its target a base URL (e.g."
          + " https://api.openai.com/v1 or http://localhost:11434), or simulate the reply.";
    }
    if (upstreamModel(target).isBlank()) {
      return target.model() + " names no model after its provider prefix.";
    }
    return null;
  }

  /**
   * The model id the proxy sends upstream: {@code openai/gpt-4o} → {@code gpt-4o}, the part after
   * the provider prefix; an id without a prefix goes as it is.
   */
  static String upstreamModel(ModelTarget target) {
    String model = target.model();
    int slash = model.indexOf('/');
    return slash < 0 ? model : model.substring(slash + 1);
  }

  /**
   * Where {@code target} is asked: its base URL, the model id after its provider prefix, and the
   * variable its key is in. Call only when {@link #whyNotAskable} has no reason.
   */
  public static OpenAiEndpointSettings endpointOf(ModelTarget target) {
    return new OpenAiEndpointSettings(
        target.baseUrl(),
        upstreamModel(target),
        target.accessKeyRef() == null ? "" : target.accessKeyRef());
  }

  /**
   * Starts asking {@code target} to continue {@code conversation}.
   *
   * @param cancellation stops the reply ({@link Listener#stopped}); the caller holds it before the
   *     first word can arrive
   * @throws IllegalArgumentException when {@link #whyNotAskable} has a reason
   */
  public void ask(
      ModelTarget target,
      List<Message> conversation,
      CancellationToken cancellation,
      Listener listener) {
    String why = whyNotAskable(target);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    var endpoint = endpointOf(target);
    // Written by the worker; read on the UI thread after the task ends (or in a published copy).
    var received = new StringBuffer();
    var lastPublished = new long[] {Long.MIN_VALUE};
    workers.execute(
        BackgroundTask.of(
                "Asking " + target.label(),
                progress ->
                    client.reply(
                        endpoint,
                        conversation,
                        piece -> {
                          received.append(piece);
                          long now = nanoClock.getAsLong();
                          if (lastPublished[0] == Long.MIN_VALUE
                              || now - lastPublished[0] >= PUBLISH_INTERVAL.toNanos()) {
                            lastPublished[0] = now;
                            String soFar = received.toString();
                            workers.runOnUiThread(
                                () -> {
                                  // Checked on arrival: a stopped reply grows no more.
                                  if (!cancellation.isCancelled()) {
                                    listener.grew(soFar);
                                  }
                                });
                          }
                        },
                        cancellation))
            .onSuccess(
                text -> {
                  if (cancellation.isCancelled()) {
                    listener.stopped(text);
                  } else {
                    listener.finished(text);
                  }
                })
            .onFailure(
                failure -> {
                  if (cancellation.isCancelled()) {
                    listener.stopped(received.toString());
                  } else {
                    listener.failed(
                        received.toString(),
                        failure.getMessage() == null ? failure.toString() : failure.getMessage());
                  }
                }));
  }
}
