package io.routebench.core.suite.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteJsonlReaderTest {

  private static final String GOOD =
      """
      {"name": "refactor then thanks", "tags": ["coding", "topic-shift"], "notes": "from a bug report", \
      "messages": [{"role": "user", "content": "refactor this", "expected_route": "code generation"}, \
      {"role": "assistant", "content": "done"}, \
      {"role": "user", "content": "thanks!", "expected_route": "other"}]}""";

  @TempDir Path dir;

  @Test
  void a_good_line_becomes_a_test_case_with_a_fresh_id() throws IOException {
    SuiteJsonlResult result = read(GOOD + "\n" + GOOD);

    assertThat(result.errors()).isEmpty();
    assertThat(result.cases()).hasSize(2);
    TestCase testCase = result.cases().get(0);
    assertThat(UUID.fromString(testCase.id())).isNotNull();
    assertThat(result.cases().get(1).id()).isNotEqualTo(testCase.id());
    assertThat(testCase.name()).isEqualTo("refactor then thanks");
    assertThat(testCase.tags()).containsExactly("coding", "topic-shift");
    assertThat(testCase.notes()).isEqualTo("from a bug report");
    assertThat(testCase.messages())
        .containsExactly(
            CaseMessage.user("refactor this", "code generation"),
            CaseMessage.assistant("done"),
            CaseMessage.user("thanks!", "other"));
  }

  @Test
  void tags_and_notes_are_optional_and_every_role_is_accepted() throws IOException {
    SuiteJsonlResult result =
        read(
            """
            {"name": "roles", "notes": null, "messages": [{"role": "system", "content": "s"}, \
            {"role": "developer", "content": "d"}, {"role": "user", "content": "", \
            "expected_route": "other"}, {"role": "tool", "content": "t", "expected_route": null}]}""");

    assertThat(result.errors()).isEmpty();
    TestCase testCase = result.cases().get(0);
    assertThat(testCase.tags()).isEmpty();
    assertThat(testCase.notes()).isEmpty();
    assertThat(testCase.messages())
        .extracting(CaseMessage::role)
        .containsExactly(Role.SYSTEM, Role.DEVELOPER, Role.USER, Role.TOOL);
  }

  @Test
  void blank_lines_crlf_and_a_byte_order_mark_are_tolerated() throws IOException {
    SuiteJsonlResult result = read("\uFEFF" + GOOD + "\r\n\r\n   \n" + GOOD + "\r\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.cases()).hasSize(2);
  }

  static Stream<Arguments> badLines() {
    String user = "{\"role\": \"user\", \"content\": \"hi\", \"expected_route\": \"other\"}";
    return Stream.of(
        bad(
            "{\"name\": \"x\", \"messages\": [" + user + "]",
            "invalid JSON at column 89: Unexpected end-of-input: expected close marker for"
                + " Object (start marker at column 1)"),
        bad("{\"name\": \"x\" \"messages\": []}", "invalid JSON at column 14:"),
        bad(
            "{\"name\": \"x\", \"messages\": [" + user + "]} {}",
            "unexpected content after the test case object at column 91"),
        bad(
            "{\"name\": \"x\", \"name\": \"y\", \"messages\": [" + user + "]}",
            "invalid JSON at column 21: key \"name\" appears twice"),
        bad("[1, 2]", "expected a test case object, found an array"),
        bad("{\"messages\": [" + user + "]}", "missing \"name\""),
        bad(
            "{\"name\": 7, \"messages\": [" + user + "]}",
            "name: must be a string, found a number (7)"),
        bad("{\"name\": \" \", \"messages\": [" + user + "]}", "name: must not be empty"),
        bad(
            "{\"name\": \"x\", \"tags\": \"coding\", \"messages\": [" + user + "]}",
            "tags: must be an array of strings, found a string"),
        bad(
            "{\"name\": \"x\", \"tags\": [\"a\", true], \"messages\": [" + user + "]}",
            "tags[1]: must be a string, found a boolean (true)"),
        bad(
            "{\"name\": \"x\", \"notes\": [], \"messages\": [" + user + "]}",
            "notes: must be a string, found an array"),
        bad("{\"name\": \"x\"}", "missing \"messages\""),
        bad(
            "{\"name\": \"x\", \"messages\": {}}",
            "messages: must be an array of messages, found an object"),
        bad("{\"name\": \"x\", \"messages\": []}", "messages: must hold at least one message"),
        bad(
            "{\"name\": \"x\", \"messages\": [" + user + ", \"hello\"]}",
            "messages[1]: must be a message object, found a string"),
        bad(
            "{\"name\": \"x\", \"messages\": [{\"content\": \"hi\"}]}",
            "messages[0]: missing \"role\""),
        bad(
            "{\"name\": \"x\", \"messages\": ["
                + user
                + ", {\"role\": \"bot\", \"content\": \"hi\"}]}",
            "messages[1].role: unknown role 'bot' (expected user, assistant, system, tool or"
                + " developer)"),
        bad(
            "{\"name\": \"x\", \"messages\": [{\"role\": \"user\", \"expected_route\": \"other\"}]}",
            "messages[0]: missing \"content\""),
        bad(
            "{\"name\": \"x\", \"messages\": [{\"role\": \"user\", \"content\": [\"hi\"],"
                + " \"expected_route\": \"other\"}]}",
            "messages[0].content: must be a string, found an array"),
        bad(
            "{\"name\": \"x\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "messages[0]: expected_route is required on user messages"),
        bad(
            "{\"name\": \"x\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\","
                + " \"expected_route\": 3}]}",
            "messages[0].expected_route: must be a string, found a number (3)"),
        bad(
            "{\"name\": \"x\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\","
                + " \"expected_route\": \"\"}]}",
            "messages[0].expected_route: must not be empty"),
        bad(
            "{\"name\": \"x\", \"messages\": ["
                + user
                + ", {\"role\": \"assistant\", \"content\": \"ok\", \"expected_route\": \"other\"}]}",
            "messages[1]: expected_route is only allowed on user messages"),
        bad(
            "{\"name\": \"x\", \"messages\": [{\"role\": \"assistant\", \"content\": \"hi\"}]}",
            "messages: no user message; a test case needs at least one turn to route"),
        bad(
            "{\"name\": \"x\", \"id\": \"1\", \"messages\": [" + user + "]}",
            "unknown key \"id\" (expected name, tags, notes, messages)"),
        bad(
            "{\"name\": \"x\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\","
                + " \"expected_rout\": \"other\"}]}",
            "messages[0]: unknown key \"expected_rout\" (expected role, content, expected_route)"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badLines")
  void every_kind_of_bad_line_is_reported_specifically(String line, String expected)
      throws IOException {
    SuiteJsonlResult result = read(GOOD + "\n" + line);

    assertThat(result.cases()).hasSize(1);
    assertThat(result.errors()).isNotEmpty().allMatch(error -> error.lineNumber() == 2);
    assertThat(result.errors())
        .extracting(LineError::message)
        .anyMatch(m -> m.startsWith(expected));
  }

  @Test
  void a_line_with_several_problems_reports_them_all() throws IOException {
    SuiteJsonlResult result =
        read(
            "{\"name\": 1, \"messages\": [{\"role\": \"bot\", \"content\": 2},"
                + " {\"role\": \"assistant\", \"content\": \"a\", \"expected_route\": \"x\"}]}");

    assertThat(result.errors())
        .extracting(LineError::toString)
        .containsExactly(
            "line 1: name: must be a string, found a number (1)",
            "line 1: messages[0].role: unknown role 'bot' (expected user, assistant, system, tool"
                + " or developer)",
            "line 1: messages[0].content: must be a string, found a number (2)",
            "line 1: messages[1]: expected_route is only allowed on user messages");
    assertThat(result.badLineCount()).isEqualTo(1);
  }

  @Test
  void a_file_with_good_and_bad_lines_returns_the_good_cases_and_all_errors() throws IOException {
    String bad1 = "{\"name\": \"broken\", \"messages\": [";
    String bad2 = "{\"name\": \"\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";
    Path file = dir.resolve("cases.jsonl");
    Files.writeString(file, String.join("\n", GOOD, bad1, "", GOOD, bad2, GOOD) + "\n");

    SuiteJsonlResult result = SuiteJsonlReader.read(file);

    assertThat(result.cases()).hasSize(3);
    assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(2, 5, 5);
    assertThat(result.errors().get(0).format("cases.jsonl"))
        .isEqualTo(
            "cases.jsonl: line 2: invalid JSON at column 33: Unexpected end-of-input: expected"
                + " close marker for Array (start marker at column 32)");
    assertThat(result.errors().subList(1, 3))
        .extracting(LineError::message)
        .containsExactly(
            "name: must not be empty", "messages[0]: expected_route is required on user messages");
    assertThat(result.badLineCount()).isEqualTo(2);
  }

  @Test
  void a_line_that_is_not_utf8_is_reported_without_losing_the_others() throws IOException {
    byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
    byte[] bad = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("latin1.jsonl");
    Files.write(file, concat(good, "\n".getBytes(), bad, "\n".getBytes(), good));

    SuiteJsonlResult result = SuiteJsonlReader.read(file);

    assertThat(result.cases()).hasSize(2);
    assertThat(result.errors()).containsExactly(new LineError(2, "not valid UTF-8 at byte 14"));
  }

  @Test
  void reading_from_a_file_and_from_text_agree() throws IOException {
    String text = "\uFEFF" + GOOD + "\r\n\n" + "{\"name\": \"caf\u00e9 \u2603\", \"messages\": []}";
    Path file = dir.resolve("same.jsonl");
    Files.writeString(file, text);

    SuiteJsonlResult fromFile = SuiteJsonlReader.read(file);
    SuiteJsonlResult fromText = read(text);

    assertThat(fromFile.errors()).isEqualTo(fromText.errors());
    assertThat(fromFile.cases()).hasSameSizeAs(fromText.cases());
    assertThat(fromFile.cases().get(0).messages()).isEqualTo(fromText.cases().get(0).messages());
  }

  private static SuiteJsonlResult read(String text) throws IOException {
    return SuiteJsonlReader.read(new StringReader(text), "test.jsonl");
  }

  private static Arguments bad(String line, String expectedMessageStart) {
    return Arguments.of(line, expectedMessageStart);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
