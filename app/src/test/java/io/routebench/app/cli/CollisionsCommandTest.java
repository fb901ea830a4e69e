package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code routebench collisions} against a real (tiny, random) GGUF model. */
class CollisionsCommandTest {

  @TempDir static Path models;
  private static Path model;

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.tinyQwen(models);
  }

  @Test
  void every_policy_is_probed_once_and_the_exit_code_says_whether_any_collided() throws Exception {
    CliRun run =
        CliRun.of(
            "collisions",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--model",
            model.toString(),
            "--context",
            "4096",
            "--json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    int routes = json.get("routes").size();
    assertThat(json.get("probes").size()).isEqualTo(routes);
    int collisions = 0;
    for (JsonNode probe : json.get("probes")) {
      boolean collides = !probe.get("answered_route").asText().equals(probe.get("route").asText());
      assertThat(probe.get("collides").asBoolean()).isEqualTo(collides);
      collisions += collides ? 1 : 0;
    }
    assertThat(json.get("collisions").asInt()).isEqualTo(collisions);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(collisions == 0 ? 0 : 1);
    assertThat(run.err()).contains("probed " + routes + " of " + routes);
  }

  @Test
  void the_matrix_has_a_row_per_route_and_names_each_collision() {
    CliRun run =
        CliRun.of(
            "collisions",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--model",
            model.toString(),
            "--context",
            "4096");

    assertThat(run.out()).startsWith("description of \\ answered").contains("  other");
    if (run.exitCode() == 1) {
      assertThat(run.out()).contains("collision: the description of \"");
    } else {
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("No collisions");
    }
  }
}
