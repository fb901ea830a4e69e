package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --json} for scripts and {@code --format github} for pull requests. */
class ValidateFormatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A syntax-clean document with a semantic error (no default target) on line 4, column 5. */
  private Path semanticallyInvalid() throws Exception {
    Path file = dir.resolve("invalid.policy.yaml");
    Files.writeString(
        file,
        """
        routebench: 1
        name: Invalid
        targets:
          - model: openai/gpt-4o
        domains:
          - name: coding
            description: Code.
            actions:
              - name: code review
                description: ""
                target: openai/gpt-4o
        """);
    return file;
  }

  @Test
  void json_lists_each_problem_with_file_line_column_severity_and_message() throws Exception {
    Path file = semanticallyInvalid();

    CliRun run = CliRun.of("validate", "--json", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("file").asText()).isEqualTo(file.toString());
    assertThat(report.get("valid").asBoolean()).isFalse();
    JsonNode problems = report.get("problems");
    assertThat(report.get("errors").asInt()).isPositive().isEqualTo(count(problems, "error"));
    JsonNode description = find(problems, "domains[0].actions[0].description");
    assertThat(description.get("file").asText()).isEqualTo(file.toString());
    assertThat(description.get("line").asInt()).isEqualTo(10);
    assertThat(description.get("column").asInt()).isEqualTo(22);
    assertThat(description.get("severity").asText()).isEqualTo("error");
    assertThat(description.get("message").asText()).contains("no description");
    // Whole-list problems point at the list.
    assertThat(find(problems, "targets").get("line").asInt()).isEqualTo(4);
  }

  @Test
  void json_of_a_yaml_syntax_error_keeps_its_line_and_column() throws Exception {
    Path file = dir.resolve("broken.policy.yaml");
    Files.writeString(file, "routebench: 1\nname: [unclosed\n");

    CliRun run = CliRun.of("validate", "--format", "json", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode problem = JSON.readTree(run.out()).get("problems").get(0);
    assertThat(problem.get("line").asInt()).isPositive();
    assertThat(problem.get("column").asInt()).isPositive();
    assertThat(problem.get("message").asText()).startsWith("invalid YAML");
  }

  @Test
  void json_of_a_valid_file_is_valid_with_no_errors() throws Exception {
    CliRun run = CliRun.of("validate", "--json", SamplePaths.policy("coding-assistant").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("valid").asBoolean()).isTrue();
    assertThat(report.get("errors").asInt()).isZero();
  }

  @Test
  void github_format_writes_workflow_commands_on_the_files_lines() throws Exception {
    Path file = semanticallyInvalid();

    CliRun run = CliRun.of("validate", "--format", "github", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    String escapedFile = file.toString().replace(":", "%3A").replace(",", "%2C");
    assertThat(run.out().lines())
        .contains(
            "::error file="
                + escapedFile
                + ",line=10,col=22,title=RouteBench validate::domains[0].actions[0].description:"
                + " the route has no description; the router chooses routes by their"
                + " descriptions");
    assertThat(run.out().lines()).allMatch(line -> line.matches("::(error|warning) file=.*"));
  }

  @Test
  void github_messages_escape_what_would_end_the_command() {
    var finding =
        new ValidationFinding(
            "a.yaml",
            3,
            1,
            io.routebench.core.validation.Severity.WARNING,
            "",
            "50% done\nsecond line");

    assertThat(ValidationOutput.githubLine("dir,1/a:b.yaml", finding))
        .isEqualTo(
            "::warning file=dir%2C1/a%3Ab.yaml,line=3,col=1,title=RouteBench validate::50%25"
                + " done%0Asecond line (a.yaml)");
  }

  @Test
  void the_text_output_names_the_line_and_column_too() throws Exception {
    Path file = semanticallyInvalid();

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.err())
        .contains(
            "invalid.policy.yaml:10:22: error: domains[0].actions[0].description: the route has no"
                + " description");
  }

  private static JsonNode find(JsonNode problems, String path) {
    for (JsonNode problem : problems) {
      if (path.equals(problem.path("path").asText())) {
        return problem;
      }
    }
    throw new AssertionError("no problem at " + path + " in " + problems);
  }

  private static int count(JsonNode problems, String severity) {
    int n = 0;
    for (JsonNode problem : problems) {
      n += severity.equals(problem.get("severity").asText()) ? 1 : 0;
    }
    return n;
  }
}
