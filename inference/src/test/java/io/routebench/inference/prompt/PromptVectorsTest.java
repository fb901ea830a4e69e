package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The router prompt, byte for byte, against vectors that do not come from this code: an independent
 * Python reading of the reference notes ({@code vectors/generate.py}) and cases derived by hand
 * ({@code vectors/README.md}). They cover truncation, middle-trim at UTF-8 boundaries, escaping,
 * filtered roles, plano's 16-message cap, non-ASCII text and placeholders in routes.
 */
class PromptVectorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> vectors() throws IOException, URISyntaxException {
    Path root = Path.of(PromptVectorsTest.class.getResource("vectors").toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void prompt_equals_the_expected_bytes(Path vector) throws IOException {
    PromptProfile profile = PromptProfile.fromId(read(vector, "profile").strip());
    int budget = Integer.parseInt(read(vector, "budget").strip());
    List<Message> messages = OpenAiMessages.parse(read(vector, "messages.json"), "messages.json");
    byte[] expected = Files.readAllBytes(vector.resolve("expected.txt"));

    String prompt =
        RouterPromptBuilder.build(new RouteRequest(routes(vector), messages, profile, budget))
            .text();

    assertThat(prompt).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(prompt.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void both_profiles_have_vectors_for_every_covered_behaviour() throws Exception {
    List<String> names = vectors().map(p -> p.getFileName().toString()).toList();

    assertThat(names)
        .contains(
            "archgw-basic",
            "archgw-truncation-keeps-crossing-user",
            "archgw-nothing-kept-keeps-newest",
            "archgw-escaping",
            "archgw-filtered-roles",
            "archgw-non-ascii",
            "archgw-braces-in-routes",
            "plano-basic",
            "plano-truncation-trims-crossing-user",
            "plano-middle-trim-utf8",
            "plano-no-room-keeps-newest-in-full",
            "plano-escaping",
            "plano-filtered-roles",
            "plano-sixteen-message-cap",
            "plano-non-ascii",
            "plano-braces-in-routes");
  }

  private static List<RouteOption> routes(Path vector) throws IOException {
    var routes = new ArrayList<RouteOption>();
    for (JsonNode route : JSON.readTree(read(vector, "routes.json"))) {
      routes.add(new RouteOption(route.get("name").asText(), route.get("description").asText()));
    }
    return routes;
  }

  private static String read(Path vector, String file) throws IOException {
    return Files.readString(vector.resolve(file), StandardCharsets.UTF_8);
  }
}
