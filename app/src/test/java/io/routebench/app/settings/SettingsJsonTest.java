package io.routebench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** settings.json's bytes and its lenient reading, independent of the store around them. */
class SettingsJsonTest {

  private static final Path HOME = Path.of("/home/ada").toAbsolutePath();

  private static final AppSettings FULL =
      new AppSettings(
          new WindowBounds(10, 20.5, 1280, 800, true),
          Map.of("taxonomy.tree", 0.3, "playtest.split", 0.55),
          List.of(HOME.resolve("a.routebench"), HOME.resolve("b.routebench")),
          HOME.resolve("arch-router.gguf"),
          Map.of("threads", "4", "context", "8192"),
          true,
          List.of(HOME.resolve("arch-router.gguf")),
          new RouterEndpoint("http://127.0.0.1:8000", "arch-router", "ROUTER_KEY"),
          true,
          HOME.resolve("exports"),
          true);

  @Test
  void a_file_is_written_over_the_last_one_keeping_its_order_and_unknown_keys() throws Exception {
    ObjectNode preserved =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"darkTheme\": false, \"futureFeature\": {\"enabled\": true},"
                        + " \"format\": 1, \"lastEndpoint\": {\"baseUrl\": \"x\"}}");

    String json = SettingsJson.write(FULL, preserved, "9.9.9");

    assertThat(json).isEqualTo(golden("settings-full.json").replace("\n", System.lineSeparator()));
  }

  @Test
  void absent_values_are_written_as_before_null_or_left_out() throws Exception {
    ObjectNode preserved =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"window\": {\"x\": 1}, \"lastEndpoint\": {}, \"exportFolder\": \"/tmp\"}");

    String json = SettingsJson.write(AppSettings.DEFAULTS, preserved, "9.9.9");

    assertThat(json).isEqualTo(golden("settings-empty.json").replace("\n", System.lineSeparator()));
  }

  @Test
  void what_is_written_reads_back_the_same() throws Exception {
    String json = SettingsJson.write(FULL, SettingsJson.emptyDocument(), "9.9.9");

    SettingsJson.Parsed parsed = SettingsJson.parse(json);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.settings()).isEqualTo(FULL);
  }

  @Test
  void each_wrong_value_is_named_by_its_key_and_loses_only_itself() throws Exception {
    SettingsJson.Parsed parsed =
        SettingsJson.parse(
            "{\"window\": {\"x\": \"left\", \"y\": 0, \"width\": 800, \"height\": 600,"
                + " \"maximized\": false},"
                + " \"dividers\": {\"a\": 0.3, \"b\": 7, \"c\": \"half\"},"
                + " \"recentWorkspaces\": [\"/tmp/a.routebench\", 42, \"\"],"
                + " \"engine\": {\"threads\": 4, \"bad\": [1]},"
                + " \"firstRunDismissed\": \"yes\", \"darkTheme\": true,"
                + " \"lastEndpoint\": {\"model\": \"m\"}, \"exportFolder\": 7}");

    assertThat(parsed.settings().windowBounds()).isEmpty();
    assertThat(parsed.settings().dividerPositions()).containsOnlyKeys("a");
    assertThat(parsed.settings().recentWorkspaces()).containsExactly(Path.of("/tmp/a.routebench"));
    assertThat(parsed.settings().engineSettings()).containsExactly(Map.entry("threads", "4"));
    assertThat(parsed.settings().firstRunDismissed()).isFalse();
    assertThat(parsed.settings().darkTheme()).isTrue();
    assertThat(parsed.settings().lastEndpoint()).isNull();
    assertThat(parsed.settings().exportFolder()).isNull();
    assertThat(parsed.problems())
        .hasSize(9)
        .anyMatch(p -> p.startsWith("window"))
        .anyMatch(p -> p.startsWith("dividers.b:"))
        .anyMatch(p -> p.startsWith("dividers.c:"))
        .anyMatch(p -> p.startsWith("recentWorkspaces[1]:"))
        .anyMatch(p -> p.startsWith("recentWorkspaces[2]:"))
        .anyMatch(p -> p.startsWith("engine.bad:"))
        .anyMatch(p -> p.startsWith("firstRunDismissed:"))
        .anyMatch(p -> p.startsWith("lastEndpoint:"))
        .anyMatch(p -> p.startsWith("exportFolder:"));
  }

  @Test
  void an_endpoint_needs_no_key_but_a_window_needs_every_number() throws Exception {
    SettingsJson.Parsed parsed =
        SettingsJson.parse(
            "{\"lastEndpoint\": {\"baseUrl\": \"http://h:1\", \"model\": \"m\"},"
                + " \"window\": {\"x\": 0, \"y\": 0, \"width\": 800, \"height\": 600}}");

    assertThat(parsed.settings().lastEndpoint())
        .isEqualTo(new RouterEndpoint("http://h:1", "m", ""));
    assertThat(parsed.settings().windowBounds()).isEmpty();
    assertThat(parsed.problems()).singleElement().asString().startsWith("window:");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = SettingsJsonTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
