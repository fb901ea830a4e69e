package io.routebench.inference.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.DecisionTiming;
import java.util.List;

/**
 * The two JSON documents of one chat completions exchange: the request production sends to its
 * router, and the parts of the answer RouteBench reads.
 */
final class ChatCompletionsJson {

  /** What the proxies send: effectively greedy, but not 0, which some servers reject. */
  static final double PRODUCTION_TEMPERATURE = 0.01;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatCompletionsJson() {}

  /**
   * {@code {"model": ..., "messages": [{"role": "user", "content": prompt}], "temperature": 0.01}},
   * keys in that order, as the proxies build it.
   */
  static String requestBody(String model, String prompt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ObjectNode message = body.putArray("messages").addObject();
    message.put("role", "user");
    message.put("content", prompt);
    body.put("temperature", PRODUCTION_TEMPERATURE);
    return write(body);
  }

  /**
   * {@code {"model": ..., "messages": [{"role": ..., "content": ...}, ...], "stream": true}}: a
   * conversation for a chat model to continue, streamed back.
   */
  static String streamingRequestBody(String model, List<Message> messages) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode array = body.putArray("messages");
    for (Message message : messages) {
      ObjectNode entry = array.addObject();
      entry.put("role", message.role().wireName());
      entry.put("content", message.content());
    }
    body.put("stream", true);
    return write(body);
  }

  private static String write(ObjectNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a tree of strings as JSON", e);
    }
  }

  /**
   * What the server answered.
   *
   * @param content {@code choices[0].message.content}
   * @param usage the {@code usage} object, or a missing node
   * @param timings llama-server's {@code timings} object, or a missing node
   */
  record Completion(String content, JsonNode usage, JsonNode timings) {

    /**
     * Token counts from {@code usage} (with {@code prompt_tokens_details.cached_tokens} as the
     * reused part, where the server reports it) and llama-server's prompt / decode times.
     */
    DecisionTiming timing(long totalMillis) {
      if (!usage.isObject()) {
        return DecisionTiming.wallClockOnly(totalMillis);
      }
      int promptTokens = usage.path("prompt_tokens").asInt(0);
      int generated = usage.path("completion_tokens").asInt(0);
      int cached =
          Math.min(
              promptTokens, usage.path("prompt_tokens_details").path("cached_tokens").asInt(0));
      return new DecisionTiming(
          promptTokens,
          cached,
          promptTokens - cached,
          generated,
          Math.round(timings.path("prompt_ms").asDouble(0)),
          Math.round(timings.path("predicted_ms").asDouble(0)),
          totalMillis);
    }
  }

  /**
   * @throws MalformedCompletionException saying what is wrong with the body
   */
  static Completion readCompletion(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedCompletionException("malformed JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedCompletionException("a JSON document that is not an object");
    }
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw new MalformedCompletionException("no choices");
    }
    JsonNode content = choices.path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new MalformedCompletionException("no text in choices[0].message.content");
    }
    return new Completion(content.asText(), root.path("usage"), root.path("timings"));
  }

  /** The server answered 2xx, but not with a chat completion RouteBench can read. */
  static final class MalformedCompletionException extends RuntimeException {

    MalformedCompletionException(String problem) {
      super(problem);
    }
  }
}
