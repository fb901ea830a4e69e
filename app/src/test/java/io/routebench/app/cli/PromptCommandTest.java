package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code routebench prompt} prints exactly the reference bytes: the inference module's test vectors
 * (derived independently from the reference notes), fed through a proxy config file.
 */
class PromptCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "archgw-basic",
        "archgw-escaping",
        "archgw-filtered-roles",
        "archgw-non-ascii",
        "archgw-truncation-keeps-crossing-user",
        "archgw-nothing-kept-keeps-newest",
        "plano-basic",
        "plano-escaping",
        "plano-filtered-roles",
        "plano-non-ascii",
        "plano-middle-trim-utf8",
        "plano-middle-trim-boundary-1",
        "plano-sixteen-message-cap"
      })
  void prints_exactly_the_reference_prompt(String name) throws Exception {
    Path vector = vectors().resolve(name);
    String profile = Files.readString(vector.resolve("profile")).strip();
    String budget = Files.readString(vector.resolve("budget")).strip();
    Path config = archgwConfig(JSON.readTree(vector.resolve("routes.json").toFile()));
    var args =
        new ArrayList<>(
            List.of(
                "prompt",
                "--config",
                config.toString(),
                "--conversation",
                vector.resolve("messages.json").toString(),
                "--profile",
                profile,
                // Some vectors' route names break RouteBench's rules on purpose (a quote): the
                // prompt is still the proxy's.
                "--allow-problems"));
    if (!budget.equals("0")) {
      args.add("--max-tokens");
      args.add(budget);
    }

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(vector.resolve("expected.txt")));
  }

  @Test
  void routes_come_in_the_configs_order_for_plano_configs_too() throws Exception {
    Path config = dir.resolve("plano.yaml");
    Files.writeString(
        config,
        """
        version: v0.4.0
        model_providers:
          - model: openai/gpt-4o
            default: true
          - model: anthropic/claude-sonnet-4-5
        routing_preferences:
          - name: b-route
            description: second model first
            models: [anthropic/claude-sonnet-4-5]
          - name: a-route
            description: first model second
            models: [openai/gpt-4o]
          - name: c-route
            description: second model again
            models: [anthropic/claude-sonnet-4-5]
        """);
    Path messages = dir.resolve("messages.json");
    Files.writeString(messages, "[{\"role\": \"user\", \"content\": \"hi\"}]");

    CliRun run =
        CliRun.of(
            "prompt",
            "--config",
            config.toString(),
            "--conversation",
            messages.toString(),
            "--profile",
            "archgw-v1");
    // Without --profile, a plano config gets the prompt plano sends, routes in the same order.
    CliRun planoDefault =
        CliRun.of("prompt", "--config", config.toString(), "--conversation", messages.toString());

    assertThat(planoDefault.out())
        .containsSubsequence(
            "{\"name\": \"b-route\"", "{\"name\": \"a-route\"", "{\"name\": \"c-route\"");
    assertThat(run.out())
        .contains(
            "[{\"name\":\"b-route\",\"description\":\"second model first\"},"
                + "{\"name\":\"a-route\",\"description\":\"first model second\"},"
                + "{\"name\":\"c-route\",\"description\":\"second model again\"}]");
  }

  @Test
  void a_bad_conversation_file_names_the_offending_message() throws Exception {
    Path messages = dir.resolve("messages.json");
    Files.writeString(
        messages,
        "[{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"bot\", \"content\": \"x\"}]");

    CliRun run =
        CliRun.of(
            "prompt",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--conversation",
            messages.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("messages.json").contains("[1].role");
  }

  private Path archgwConfig(JsonNode routes) throws Exception {
    ObjectNode config = YAML.createObjectNode();
    config.put("version", "v0.3.0");
    ObjectNode provider = config.putArray("model_providers").addObject();
    provider.put("model", "openai/gpt-4o");
    provider.put("default", true);
    ArrayNode preferences = provider.putArray("routing_preferences");
    routes.forEach(route -> preferences.add(route.deepCopy()));
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, YAML.writeValueAsString(config));
    return file;
  }

  private static Path vectors() throws URISyntaxException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate =
          dir.resolve("inference/src/test/resources/io/routebench/inference/prompt/vectors");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("prompt vectors not found");
  }
}
