package io.routebench.inference.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.serving.ServerRendering;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Asks a serving engine how it renders one user message, through the engine's own endpoint for it
 * (each from the engine's source):
 *
 * <ul>
 *   <li>Ollama: {@code POST /api/chat} with {@code "_debug_render_only": true} answers the prompt
 *       in {@code _debug_info.rendered_template} without running the model (Ollama 0.11.5 and
 *       later; {@code server/routes.go}, {@code api/types.go});
 *   <li>llama-server: {@code POST /apply-template} answers {@code {"prompt": ...}}, and {@code POST
 *       /tokenize} its token ids ({@code tools/server/README.md});
 *   <li>vLLM: {@code POST /tokenize} with {@code messages} answers the token ids of the rendered
 *       chat, and {@code POST /detokenize} their text ({@code
 *       vllm/entrypoints/serve/tokenize/protocol.py}).
 * </ul>
 *
 * Only the user message is sent, as the proxy sends it: whatever the server adds (a Modelfile's
 * {@code SYSTEM}, a default system prompt) is part of what is checked.
 */
public final class ServerRenderClient {

  /** Far beyond one rendered router prompt; a larger answer is not a rendering. */
  static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenAiEndpointSettings endpoint;
  private final URI root;
  private final String origin;
  private final UnaryOperator<String> environment;

  /**
   * @param endpoint the server (its base URL with or without {@code /v1}), the model, the key's
   *     variable and the timeouts
   * @throws IllegalArgumentException when the base URL is not an http(s) URL
   */
  public ServerRenderClient(OpenAiEndpointSettings endpoint) {
    this(endpoint, System::getenv);
  }

  ServerRenderClient(OpenAiEndpointSettings endpoint, UnaryOperator<String> environment) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.environment = Objects.requireNonNull(environment, "environment");
    EndpointUrl url = EndpointUrl.parse(endpoint.baseUrl());
    String api = url.apiBase().toString();
    // The render endpoints sit beside /v1, at the server's root path.
    this.root = URI.create(api.substring(0, api.length() - "/v1".length()) + "/");
    this.origin = url.origin();
  }

  /** How {@code engine} renders {@code userMessage} as the only message of a chat. Blocking. */
  public ServerRendering render(ServingEngine engine, String userMessage) {
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(endpoint.connectTimeout())
            .build()) {
      return switch (engine) {
        case OLLAMA -> ollama(client, userMessage);
        case LLAMA_SERVER, LLAMA_SERVER_NO_JINJA -> llamaServer(client, userMessage);
        case VLLM -> vllm(client, userMessage);
      };
    }
  }

  private ServerRendering ollama(HttpClient client, String userMessage) {
    ObjectNode body = chat(userMessage);
    body.put("stream", false);
    body.put("_debug_render_only", true);
    // An Ollama too old for the debug option would answer for real: one token, then.
    body.putObject("options").put("num_predict", 1);
    JsonNode answer = post(client, "api/chat", body, "Ollama");
    JsonNode rendered = answer.path("_debug_info").path("rendered_template");
    if (!rendered.isTextual()) {
      throw new RoutingException(
          origin
              + " answered /api/chat without _debug_info.rendered_template: it is not an Ollama"
              + " that can show its rendering (Ollama 0.11.5 or later can)");
    }
    return new ServerRendering(
        rendered.asText(), List.of(), "POST /api/chat with _debug_render_only (Ollama)");
  }

  private ServerRendering llamaServer(HttpClient client, String userMessage) {
    ObjectNode body = JSON.createObjectNode();
    body.set("messages", chat(userMessage).get("messages"));
    JsonNode prompt = post(client, "apply-template", body, "llama-server").path("prompt");
    if (!prompt.isTextual()) {
      throw notShaped("apply-template", "prompt", "llama-server");
    }
    ObjectNode tokenize = JSON.createObjectNode();
    tokenize.put("content", prompt.asText());
    tokenize.put("add_special", false);
    tokenize.put("parse_special", true);
    List<Integer> tokens = ids(post(client, "tokenize", tokenize, "llama-server"), "llama-server");
    return new ServerRendering(
        prompt.asText(), tokens, "POST /apply-template and /tokenize (llama-server)");
  }

  private ServerRendering vllm(HttpClient client, String userMessage) {
    ObjectNode body = chat(userMessage);
    body.put("add_generation_prompt", true);
    body.put("add_special_tokens", false);
    List<Integer> tokens = ids(post(client, "tokenize", body, "vLLM"), "vLLM");
    ObjectNode detokenize = JSON.createObjectNode();
    detokenize.put("model", endpoint.model());
    detokenize.set("tokens", JSON.valueToTree(tokens));
    JsonNode text = post(client, "detokenize", detokenize, "vLLM").path("prompt");
    if (!text.isTextual()) {
      throw notShaped("detokenize", "prompt", "vLLM");
    }
    return new ServerRendering(
        text.asText(), tokens, "POST /tokenize with messages and /detokenize (vLLM)");
  }

  private ObjectNode chat(String userMessage) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", endpoint.model());
    ObjectNode message = body.putArray("messages").addObject();
    message.put("role", "user");
    message.put("content", userMessage);
    return body;
  }

  private List<Integer> ids(JsonNode answer, String engine) {
    JsonNode tokens = answer.path("tokens");
    if (!tokens.isArray()) {
      throw notShaped("tokenize", "tokens", engine);
    }
    var ids = new ArrayList<Integer>(tokens.size());
    for (JsonNode token : tokens) {
      // llama-server answers {"id": n, "piece": ...} objects when asked with_pieces.
      JsonNode id = token.isObject() ? token.path("id") : token;
      if (!id.canConvertToInt()) {
        throw notShaped("tokenize", "tokens", engine);
      }
      ids.add(id.asInt());
    }
    return ids;
  }

  private RoutingException notShaped(String path, String field, String engine) {
    return new RoutingException(
        origin
            + "/"
            + path
            + " answered without \""
            + field
            + "\" as "
            + engine
            + " answers it: is the server "
            + engine
            + "?");
  }

  private JsonNode post(HttpClient client, String path, ObjectNode body, String engine) {
    URI target = root.resolve(path);
    var request =
        HttpRequest.newBuilder(target)
            .timeout(endpoint.requestTimeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
    apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
    HttpResponse<InputStream> response;
    String text;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (bytes.length > MAX_RESPONSE_BYTES) {
          throw new RoutingException(
              target + " answered more than " + MAX_RESPONSE_BYTES / (1024 * 1024) + " MiB");
        }
        text = new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (HttpTimeoutException e) {
      throw new RoutingException(target + " did not answer in time", e);
    } catch (ConnectException e) {
      throw new RoutingException("cannot reach " + origin + " — is the server running?", e);
    } catch (IOException e) {
      throw new RoutingException("request to " + target + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingException("the check of " + origin + " was interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new RoutingException(
          target
              + " answered HTTP "
              + response.statusCode()
              + (response.statusCode() == 404
                  ? " (is the server " + engine + ", and does it serve " + endpoint.model() + "?)"
                  : "")
              + ": "
              + errorMessage(text));
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RoutingException(target + " answered something that is not JSON", e);
    }
  }

  /**
   * The server's own words: {@code {"error": "..."}} (Ollama) or {@code {"error": {"message"}}}.
   */
  private static String errorMessage(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      if (error.isTextual()) {
        return error.asText();
      }
      if (error.path("message").isTextual()) {
        return error.path("message").asText();
      }
      if (JSON.readTree(body).path("message").isTextual()) {
        return JSON.readTree(body).path("message").asText();
      }
    } catch (JsonProcessingException notJson) {
      // Fall through to the body itself.
    }
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private java.util.Optional<String> apiKey() {
    if (!endpoint.usesApiKey()) {
      return java.util.Optional.empty();
    }
    String key = environment.apply(endpoint.apiKeyEnvironmentVariable());
    if (key == null || key.isBlank()) {
      throw new RoutingException(
          "environment variable "
              + endpoint.apiKeyEnvironmentVariable()
              + " is not set; it should hold the API key for "
              + origin);
    }
    return java.util.Optional.of(key.strip());
  }

  private static String write(ObjectNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }
}
