package io.routebench.inference.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.inference.remote.ChatCompletionsJson.MalformedCompletionException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Streams the reply of a chat model behind an OpenAI-compatible endpoint: {@code POST
 * …/v1/chat/completions} with {@code "stream": true}, read as server-sent events ({@code data:
 * {json}} with {@code choices[0].delta.content}, up to {@code data: [DONE]}). A server that ignores
 * {@code stream} and answers one JSON completion is read as well.
 *
 * <p>Blocks the calling thread (a worker's) while the reply streams in. Cancelling the token aborts
 * the exchange at once, before or after the first byte; the text received so far stays delivered.
 * Every failure is a {@link ChatReplyException} whose message a user can act on: which variable is
 * not set, which server cannot be reached, what the server said when it refused.
 */
public final class StreamingChatClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The most a streamed reply may send: each token comes wrapped in an event of a hundred-odd
   * bytes, so this holds replies of a hundred thousand tokens, far beyond any real one.
   */
  static final int MAX_STREAM_BYTES = 16 * 1024 * 1024;

  private static final String DATA = "data:";
  private static final String DONE = "[DONE]";

  private final UnaryOperator<String> environment;

  /**
   * Built at the first request, not with the window that owns this client: building one loads the
   * TLS stack and the trusted certificates and starts a selector thread, work that kept the
   * workbench's first window waiting though most sessions never stream a target reply.
   */
  private HttpClient client;

  private boolean closed;

  public StreamingChatClient() {
    this(System::getenv);
  }

  /** With a stand-in for the process environment, so tests need not set real variables. */
  StreamingChatClient(UnaryOperator<String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  private synchronized HttpClient client() {
    if (closed) {
      throw new IllegalStateException("the chat client is closed");
    }
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(OpenAiEndpointSettings.DEFAULT_CONNECT_TIMEOUT)
              .build();
    }
    return client;
  }

  /**
   * Asks {@code endpoint} to continue {@code messages} and hands each piece of text to {@code
   * onText} as it arrives, on the calling thread.
   *
   * @param endpoint the base URL, the model id the server knows, and the NAME of the variable
   *     holding the API key ({@code ""} for none); its request timeout bounds the wait for the
   *     response to start and every pause while it streams (a server that stops sending, or
   *     trickles slower than that, is cut off); the whole reply is capped at {@value
   *     #MAX_STREAM_BYTES} bytes
   * @return the whole reply; when cancelled, what arrived before
   * @throws ChatReplyException when the reply cannot be had (text may have arrived before)
   */
  public String reply(
      OpenAiEndpointSettings endpoint,
      List<Message> messages,
      Consumer<String> onText,
      CancellationToken cancellation) {
    EndpointUrl url;
    try {
      url = EndpointUrl.parse(endpoint.baseUrl());
    } catch (IllegalArgumentException e) {
      throw new ChatReplyException(e.getMessage());
    }
    HttpRequest request = request(endpoint, url, messages);
    var received = new StringBuilder();
    if (cancellation.isCancelled()) {
      return "";
    }
    CompletableFuture<HttpResponse<InputStream>> sent =
        client().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    var body = new AtomicReference<InputStream>();
    cancellation.onCancel(
        () -> {
          // Aborts the exchange whichever side of the headers it is on.
          sent.cancel(true);
          closeQuietly(body.get());
        });
    try {
      HttpResponse<InputStream> response = sent.get();
      body.set(response.body());
      if (cancellation.isCancelled()) {
        closeQuietly(response.body());
        return received.toString();
      }
      var watched = new WatchedStream(response.body(), MAX_STREAM_BYTES);
      ScheduledFuture<?> watchdog =
          BoundedExchange.every(
              idleCheckPeriod(endpoint.requestTimeout()),
              () -> watched.closeIfIdleFor(endpoint.requestTimeout()));
      try (InputStream in = watched) {
        if (response.statusCode() < 200 || response.statusCode() > 299) {
          throw refused(endpoint, url, response.statusCode(), in);
        }
        boolean json =
            response
                .headers()
                .firstValue("Content-Type")
                .map(type -> type.contains("application/json"))
                .orElse(false);
        if (json) {
          String text =
              wholeCompletion(
                  url,
                  new String(
                      BoundedExchange.readAtMost(in, BoundedExchange.MAX_RESPONSE_BYTES),
                      StandardCharsets.UTF_8));
          received.append(text);
          onText.accept(text);
        } else {
          readEvents(url, in, text -> deliver(text, received, onText));
        }
      } catch (IOException e) {
        if (watched.wentIdle() && !cancellation.isCancelled()) {
          throw new ChatReplyException(
              url.chatCompletions()
                  + " stopped sending for "
                  + endpoint.requestTimeout().toSeconds()
                  + " s in the middle of its reply (the request timeout); what came before is"
                  + " kept",
              e);
        }
        throw e;
      } finally {
        watchdog.cancel(false);
      }
      return received.toString();
    } catch (IOException | ExecutionException | java.util.concurrent.CancellationException e) {
      if (cancellation.isCancelled()) {
        return received.toString();
      }
      throw failed(endpoint, url, e instanceof ExecutionException ? e.getCause() : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(true);
      return received.toString();
    }
  }

  private static void deliver(String text, StringBuilder received, Consumer<String> onText) {
    received.append(text);
    onText.accept(text);
  }

  /**
   * The key goes only to the configured endpoint: the request is addressed to it and the client
   * follows no redirects.
   */
  private HttpRequest request(
      OpenAiEndpointSettings endpoint, EndpointUrl url, List<Message> messages) {
    var http =
        HttpRequest.newBuilder(url.chatCompletions())
            .timeout(endpoint.requestTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    ChatCompletionsJson.streamingRequestBody(endpoint.model(), messages),
                    StandardCharsets.UTF_8));
    if (endpoint.usesApiKey()) {
      String name = endpoint.apiKeyEnvironmentVariable();
      String key = environment.apply(name);
      if (key == null || key.isBlank()) {
        throw new ChatReplyException(
            "The environment variable "
                + name
                + " is not set; it should hold the API key for "
                + url.origin()
                + ". Set it and start RouteBench again.");
      }
      http.header("Authorization", "Bearer " + key.strip());
    }
    return http.build();
  }

  /**
   * Server-sent events: {@code data:} lines up to a blank line make one event (several are joined
   * with {@code \n}); comments ({@code :…}) and other fields are skipped.
   */
  private static void readEvents(EndpointUrl url, InputStream in, Consumer<String> onText)
      throws IOException {
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    var data = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if (dispatch(url, data, onText)) {
          return;
        }
      } else if (line.startsWith(DATA)) {
        String value = line.substring(DATA.length());
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        if (!data.isEmpty()) {
          data.append('\n');
        }
        data.append(value);
      }
    }
    // Some servers close the stream without [DONE]: what came is the reply.
    dispatch(url, data, onText);
  }

  /**
   * @return whether the stream is done
   */
  private static boolean dispatch(EndpointUrl url, StringBuilder data, Consumer<String> onText) {
    if (data.isEmpty()) {
      return false;
    }
    String event = data.toString().strip();
    data.setLength(0);
    if (event.equals(DONE)) {
      return true;
    }
    JsonNode chunk;
    try {
      chunk = JSON.readTree(event);
    } catch (JsonProcessingException e) {
      throw new ChatReplyException(
          url.chatCompletions()
              + " streamed something that is not JSON: "
              + OpenAiEndpointRouteSelector.excerpt(event));
    }
    String error = errorMessage(chunk);
    if (error != null) {
      throw new ChatReplyException(url.chatCompletions() + " stopped with an error: " + error);
    }
    JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
    if (content.isTextual() && !content.asText().isEmpty()) {
      onText.accept(content.asText());
    }
    return false;
  }

  private static String wholeCompletion(EndpointUrl url, String body) {
    try {
      return ChatCompletionsJson.readCompletion(body).content();
    } catch (MalformedCompletionException e) {
      throw new ChatReplyException(
          url.chatCompletions()
              + " answered "
              + e.getMessage()
              + " instead of a chat completion: "
              + OpenAiEndpointRouteSelector.excerpt(body));
    }
  }

  private static ChatReplyException refused(
      OpenAiEndpointSettings endpoint, EndpointUrl url, int status, InputStream in)
      throws IOException {
    String body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    String said;
    try {
      said = errorMessage(JSON.readTree(body));
    } catch (JsonProcessingException notJson) {
      said = null;
    }
    String hint = "";
    if (status == 401 || status == 403) {
      hint =
          endpoint.usesApiKey()
              ? " (check the API key in $" + endpoint.apiKeyEnvironmentVariable() + ")"
              : " (the server wants an API key: give the target an access key reference such as"
                  + " $OPENAI_API_KEY)";
    } else if (status == 404) {
      hint = " (is \"" + endpoint.model() + "\" a model this server has?)";
    }
    return new ChatReplyException(
        url.chatCompletions()
            + " answered HTTP "
            + status
            + hint
            + ": "
            + (said != null ? said : OpenAiEndpointRouteSelector.excerpt(body)));
  }

  /** {@code {"error": {"message": …}}} or {@code {"error": "…"}}, as servers differ; or null. */
  private static String errorMessage(JsonNode root) {
    JsonNode error = root == null ? null : root.get("error");
    if (error == null || error.isNull()) {
      return null;
    }
    if (error.isTextual()) {
      return error.asText();
    }
    JsonNode message = error.path("message");
    return message.isTextual() ? message.asText() : error.toString();
  }

  private static ChatReplyException failed(
      OpenAiEndpointSettings endpoint, EndpointUrl url, Throwable cause) {
    if (cause instanceof ChatReplyException reply) {
      return reply;
    }
    if (cause instanceof BoundedExchange.ResponseTooLargeException tooLarge) {
      return new ChatReplyException(
          url.chatCompletions()
              + " sent more than "
              + tooLarge.limitInWords()
              + ", far more than any reply; RouteBench stopped reading it (what came before is"
              + " kept)",
          cause);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new ChatReplyException(
          "Cannot reach " + url.origin() + ": no connection within the connect timeout", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new ChatReplyException(
          url.chatCompletions()
              + " did not start answering within "
              + endpoint.requestTimeout().toSeconds()
              + " s",
          cause);
    }
    if (InFlightBatch.hasCause(cause, UnresolvedAddressException.class)) {
      return new ChatReplyException(
          "Cannot reach " + url.origin() + " — unknown host " + url.apiBase().getHost(), cause);
    }
    if (InFlightBatch.hasCause(cause, ConnectException.class)) {
      return new ChatReplyException(
          "Cannot reach " + url.origin() + " — is the server running?", cause);
    }
    return new ChatReplyException(
        "The reply from " + url.chatCompletions() + " broke off: " + cause.getMessage(), cause);
  }

  /** Often enough to notice a stalled stream soon after its timeout, at most once a second. */
  private static java.time.Duration idleCheckPeriod(java.time.Duration timeout) {
    long millis = Math.max(50, Math.min(1_000, timeout.toMillis() / 4));
    return java.time.Duration.ofMillis(millis);
  }

  /**
   * The response body, counted: more than a limit fails the read, and a watchdog closes it when no
   * byte came for too long (which fails the blocked read).
   */
  private static final class WatchedStream extends java.io.FilterInputStream {
    private final int limit;
    private long count;
    private volatile long lastByteNanos = System.nanoTime();
    private volatile boolean idle;

    WatchedStream(InputStream in, int limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws IOException {
      lastByteNanos = System.nanoTime();
      count += n;
      if (count > limit) {
        throw new BoundedExchange.ResponseTooLargeException(limit);
      }
    }

    void closeIfIdleFor(java.time.Duration timeout) {
      if (System.nanoTime() - lastByteNanos > timeout.toNanos()) {
        idle = true;
        closeQuietly(in);
      }
    }

    boolean wentIdle() {
      return idle;
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException alreadyBroken) {
        // Closing is how the read is stopped; a failure to close changes nothing.
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.shutdownNow();
    }
  }

  /** Why no (whole) reply came; the message is meant for the user. */
  public static final class ChatReplyException extends RuntimeException {

    ChatReplyException(String message) {
      super(message);
    }

    ChatReplyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
