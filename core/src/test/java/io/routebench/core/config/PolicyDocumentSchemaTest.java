package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.routebench.core.validation.RouteNameRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema shipped for editors is the one the reader's rules generate, and the samples (which
 * point editors at it) pass it; documents the reader refuses fail it too.
 */
class PolicyDocumentSchemaTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path SHIPPED = REPOSITORY.resolve(PolicyDocumentSchema.REPOSITORY_PATH);
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void the_shipped_schema_is_what_the_generator_writes() throws IOException {
    assertThat(Files.readString(SHIPPED))
        .as(
            "schema/routebench-policy.schema.json differs from the rules it is generated from;"
                + " regenerate it: ./routebench schema > schema/routebench-policy.schema.json")
        .isEqualTo(PolicyDocumentSchema.json());
  }

  static Stream<Path> samples() throws IOException {
    try (var files = Files.list(REPOSITORY.resolve("sample-policies"))) {
      return files.filter(f -> f.toString().endsWith(".policy.yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void every_sample_points_editors_at_the_schema_and_passes_it(Path sample) throws IOException {
    String text = Files.readString(sample);

    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo("# yaml-language-server: $schema=../" + PolicyDocumentSchema.REPOSITORY_PATH);
    assertThat(errors(YAML.readTree(text))).isEmpty();
    // The reader agrees: the schema never refuses what RouteBench reads.
    PolicyDocumentYaml.read(sample.getFileName().toString(), text);
  }

  @Test
  void what_the_reader_refuses_the_schema_refuses() throws IOException {
    String valid =
        """
        routebench: 1
        name: Minimal
        targets:
          - model: openai/gpt-4o
            default: true
        domains:
          - name: coding
            actions:
              - name: code review
                description: Reviewing code.
                target: openai/gpt-4o
        """;
    assertThat(errors(YAML.readTree(valid))).isEmpty();

    for (String broken :
        List.of(
            valid.replace("name: Minimal", "name: Minimal\ncolour: blue"),
            valid.replace("routebench: 1", "routebench: 2"),
            valid.replace("name: Minimal", "name: Minimal\nprofile: archgw-v9"),
            valid.replace("default: true", "default: yes please"),
            valid.replace("description: Reviewing code.", "description: \"\""),
            valid.replace(
                "target: openai/gpt-4o\n", "target: openai/gpt-4o\n        route: other\n"),
            valid.replace("  - name: coding\n", "  - description: no name\n"))) {
      assertThat(errors(YAML.readTree(broken))).as(broken).isNotEmpty();
    }
  }

  @Test
  void the_route_name_pattern_agrees_with_the_validators_rule() {
    Pattern pattern = Pattern.compile(RouteNameRules.PATTERN);
    for (String name :
        List.of(
            "code generation",
            "a",
            "trip-planning/v2",
            "übersetzung",
            "other",
            "others",
            "other ",
            " leading",
            "trailing ",
            "say \"hi\"",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            "")) {
      assertThat(pattern.matcher(name).matches())
          .as("\"%s\"", name)
          .isEqualTo(RouteNameRules.problemWith(name).isEmpty());
    }
  }

  private static List<Error> errors(JsonNode document) throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(SHIPPED));
    return schema.validate(document);
  }
}
