package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiMessagesTest {

  @Test
  void reads_roles_and_contents_in_order() {
    var messages =
        OpenAiMessages.parse(
            """
            [{"role": "system", "content": "Be brief."},
             {"role": "user", "content": "hi"},
             {"role": "assistant", "content": "hello"},
             {"role": "developer", "content": "d"},
             {"role": "tool", "content": "t"}]
            """,
            "messages.json");

    assertThat(messages)
        .containsExactly(
            new Message(Role.SYSTEM, "Be brief."),
            Message.user("hi"),
            Message.assistant("hello"),
            new Message(Role.DEVELOPER, "d"),
            new Message(Role.TOOL, "t"));
  }

  @Test
  void null_or_missing_content_reads_as_empty() {
    var messages =
        OpenAiMessages.parse(
            "[{\"role\": \"assistant\", \"content\": null, \"tool_calls\": []},"
                + " {\"role\": \"assistant\"}]",
            "messages.json");

    assertThat(messages).containsExactly(Message.assistant(""), Message.assistant(""));
  }

  @Test
  void text_parts_are_joined_with_newlines_and_other_parts_skipped() {
    var messages =
        OpenAiMessages.parse(
            """
            [{"role": "user", "content": [
              {"type": "text", "text": "What is in"},
              {"type": "image_url", "image_url": {"url": "data:..."}},
              {"type": "text", "text": "this picture?"}]}]
            """,
            "messages.json");

    assertThat(messages).containsExactly(Message.user("What is in\nthis picture?"));
  }

  @Test
  void a_request_body_with_a_messages_key_is_accepted() {
    var messages =
        OpenAiMessages.parse(
            "{\"model\": \"x\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "request.json");

    assertThat(messages).containsExactly(Message.user("hi"));
  }

  @Test
  void an_unknown_role_is_reported_with_its_index() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                OpenAiMessages.parse(
                    "[{\"role\": \"user\", \"content\": \"a\"},"
                        + "{\"role\": \"assistant\", \"content\": \"b\"},"
                        + "{\"role\": \"user\", \"content\": \"c\"},"
                        + "{\"role\": \"bot\", \"content\": \"d\"}]",
                    "messages.json"))
        .withMessage(
            "messages.json: [3].role: unknown role \"bot\""
                + " (expected user, assistant, system, tool or developer)");
  }

  @Test
  void a_missing_or_non_string_role_is_reported() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OpenAiMessages.parse("[{\"content\": \"a\"}]", "messages.json"))
        .withMessage("messages.json: [0].role: missing");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> OpenAiMessages.parse("[{\"role\": 5, \"content\": \"a\"}]", "messages.json"))
        .withMessage("messages.json: [0].role: expected a string, found 5");
  }

  @Test
  void content_of_the_wrong_type_is_reported() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                OpenAiMessages.parse(
                    "[{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"user\", \"content\": 7}]",
                    "messages.json"))
        .withMessage(
            "messages.json: [1].content: expected a string, null or an array of content parts");
  }

  @Test
  void broken_content_parts_are_reported_with_both_indexes() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                OpenAiMessages.parse(
                    "[{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"a\"}, 3]}]",
                    "messages.json"))
        .withMessage("messages.json: [0].content[1]: expected a content part object");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                OpenAiMessages.parse(
                    "[{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": 1}]}]",
                    "messages.json"))
        .withMessage("messages.json: [0].content[0].text: expected a string");
  }

  @Test
  void the_document_must_be_an_array_of_objects() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OpenAiMessages.parse("{\"role\": \"user\"}", "messages.json"))
        .withMessage("messages.json: expected a JSON array of {\"role\", \"content\"} messages");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OpenAiMessages.parse("[\"hi\"]", "messages.json"))
        .withMessage("messages.json: [0]: expected an object with role and content");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OpenAiMessages.parse("  ", "messages.json"))
        .withMessage("messages.json: empty, expected a JSON array");
  }

  @Test
  void invalid_json_is_reported_with_line_and_column() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                OpenAiMessages.parse(
                    "[\n  {\"role\": \"user\", \"content\": \"a\"},\n  {\"role\" \"user\"}\n]",
                    "messages.json"))
        .withMessageStartingWith("messages.json:3:11: invalid JSON: ");
  }

  @Test
  void duplicate_keys_and_trailing_text_are_errors_rather_than_silently_lost() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                OpenAiMessages.parse(
                    "[{\"role\": \"user\", \"content\": \"a\", \"content\": \"b\"}]",
                    "messages.json"))
        .withMessageContaining("messages.json:1:")
        .withMessageContaining("content");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OpenAiMessages.parse("[] []", "messages.json"))
        .withMessageStartingWith("messages.json:1:");
  }

  @Test
  void read_names_the_file_in_errors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("chat.json");
    Files.writeString(file, "[{\"role\": \"robot\", \"content\": \"a\"}]");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> OpenAiMessages.read(file))
        .withMessageStartingWith(file + ": [0].role: unknown role \"robot\"");
  }
}
