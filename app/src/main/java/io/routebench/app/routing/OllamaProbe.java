package io.routebench.app.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.inference.remote.BoundedExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks for an Ollama server on this machine, the easiest way to serve Arch-Router, so that the
 * Connect dialog can offer it. Ollama's own {@code /api/tags} tells it apart from another server on
 * the same port; it also answers the OpenAI-compatible {@code /v1} the router is asked through.
 */
final class OllamaProbe {

  /** Where Ollama listens unless told otherwise ({@code OLLAMA_HOST}). */
  static final URI DEFAULT_ADDRESS = URI.create("http://localhost:11434");

  /** Short: a local server answers in milliseconds, and nothing waits on a missing one for long. */
  static final Duration TIMEOUT = Duration.ofSeconds(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private OllamaProbe() {}

  /**
   * The models Ollama at {@code address} has pulled, or empty when no Ollama answers there.
   * Blocking: call off the UI thread.
   */
  static Optional<List<String>> models(URI address) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(address.resolve("/api/tags")).timeout(TIMEOUT).GET().build();
    try (client) {
      // Whatever listens there may be hostile: the timeout covers the whole answer, capped.
      HttpResponse<String> response =
          BoundedExchange.sendAndWait(client, request, BoundedExchange.MAX_RESPONSE_BYTES);
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode models = JSON.readTree(response.body()).path("models");
      if (!models.isArray()) {
        return Optional.empty();
      }
      var names = new ArrayList<String>();
      models.forEach(model -> names.add(model.path("name").asText("")));
      return Optional.of(names.stream().filter(name -> !name.isBlank()).toList());
    } catch (IOException notThere) {
      // Refused, timed out, or not JSON: whatever listens there (if anything) is not Ollama.
      return Optional.empty();
    } catch (InterruptedException e) {
      // The probe was called off (the dialog closed): no answer, and the interrupt passed on.
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
