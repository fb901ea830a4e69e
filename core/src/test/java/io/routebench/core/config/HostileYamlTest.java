package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written to hurt the reader: each is refused quickly, naming the limit and the place. */
class HostileYamlTest {

  @TempDir Path dir;

  @Test
  void a_billion_laughs_file_is_refused_naming_the_alias_limit() {
    var yaml =
        new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char level = 'b'; level <= 'i'; level++) {
      char previous = (char) (level - 1);
      yaml.append(level).append(": &").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      yaml.append("]\n");
    }

    var e =
        catchThrowableOfType(
            ConfigFormatException.class,
            () -> ConfigFiles.detectKind("laughs.yaml", yaml.toString()));

    assertThat(e.getMessage())
        .startsWith("laughs.yaml:6:8: f[0]: aliases expand to more than 100,000 values (at *e)");
  }

  @Test
  void more_than_fifty_aliases_of_lists_are_refused_naming_that_limit() {
    var yaml = new StringBuilder("a: &a [1]\nb: [");
    for (int i = 0; i < 51; i++) {
      yaml.append(i == 0 ? "" : ", ").append("*a");
    }
    yaml.append("]\n");

    var e =
        catchThrowableOfType(
            ConfigFormatException.class, () -> LocatedYaml.parse("many.yaml", yaml.toString()));

    assertThat(e.getMessage())
        .contains("b[50]: more than 50 aliases of mappings or lists (*a is one too many)");
  }

  @Test
  void aliases_that_double_at_every_level_are_refused_by_the_expansion_limit() {
    // 24 aliases only, but 2^12 copies of a 40-value list: the alias count alone would let it in.
    var yaml = new StringBuilder("l0: &l0 [");
    for (int i = 0; i < 40; i++) {
      yaml.append(i == 0 ? "" : ",").append(i);
    }
    yaml.append("]\n");
    for (int level = 1; level <= 12; level++) {
      yaml.append("l").append(level).append(": &l").append(level);
      yaml.append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
    }

    var e =
        catchThrowableOfType(
            ConfigFormatException.class, () -> LocatedYaml.parse("double.yaml", yaml.toString()));

    assertThat(e.getMessage()).contains("aliases expand to more than 100,000 values");
    assertThat(e.line()).isGreaterThan(1);
  }

  @Test
  void a_few_aliases_of_provider_settings_still_expand() {
    LocatedYaml yaml =
        LocatedYaml.parse(
            "shared.yaml",
            """
            base: &base {access_key: $KEY, default: false}
            model_providers:
              - <<: *base
                model: openai/gpt-4o
              - <<: *base
                model: openai/gpt-4o-mini
            """);

    assertThat(yaml.root().get("model_providers").get(1).get("access_key").asText())
        .isEqualTo("$KEY");
  }

  @Test
  void deep_nesting_is_refused_at_its_line_instead_of_overflowing_the_stack() {
    String yaml = "x: " + "[".repeat(40_000) + "]".repeat(40_000) + "\n";

    var e =
        catchThrowableOfType(
            ConfigFormatException.class, () -> LocatedYaml.parse("deep.yaml", yaml));

    assertThat(e.getMessage()).contains("nested more than 50 levels deep");
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void a_file_over_the_size_limit_is_refused_before_it_is_read() throws Exception {
    Path file = dir.resolve("huge.yaml");
    Files.write(file, ("a: " + "x".repeat(ConfigText.MAX_BYTES) + "\n").getBytes());

    var e = catchThrowableOfType(ConfigFormatException.class, () -> ConfigText.read(file));

    assertThat(e.getMessage())
        .isEqualTo(
            "huge.yaml: the file is 3,145,732 bytes; RouteBench reads config files up to"
                + " 3,145,728 bytes (3 MiB)");
  }

  @Test
  void one_long_scalar_under_the_size_limit_is_refused_by_the_line_limit() throws Exception {
    Path file = dir.resolve("long.yaml");
    Files.writeString(file, "routing_preferences:\n  - description: " + "x".repeat(2_000_000));

    var e = catchThrowableOfType(ConfigFormatException.class, () -> ConfigText.read(file));

    assertThat(e.getMessage())
        .startsWith("long.yaml:2: line 2 is 2,000,017 characters long;")
        .contains("up to 100,000 characters");
  }

  @Test
  void a_bad_byte_is_reported_at_its_line_and_column() throws Exception {
    Path file = dir.resolve("latin1.yaml");
    byte[] text =
        "version: v0.3.0\nrouting_preferences:\n  - name: caf\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, text);

    var e = catchThrowableOfType(ConfigFormatException.class, () -> ConfigText.read(file));

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(14);
    assertThat(e.getMessage())
        .isEqualTo(
            "latin1.yaml:3:14: not UTF-8 text: byte 0xe9 cannot start or continue a UTF-8"
                + " character; save the file as UTF-8");
  }

  @Test
  void utf8_text_with_characters_beyond_ascii_reads_unchanged() throws Exception {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, "name: café 🚀\n");

    assertThat(ConfigText.read(file)).isEqualTo("name: café 🚀\n");
  }
}
