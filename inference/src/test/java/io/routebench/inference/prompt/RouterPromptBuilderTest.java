package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping beside the prompt text; the text itself is pinned by {@link PromptVectorsTest}.
 */
class RouterPromptBuilderTest {

  private static final List<RouteOption> ROUTES =
      List.of(new RouteOption("code generation", "Writing new code."));

  @Test
  void the_prompt_is_the_filled_template_and_records_its_profile() {
    RouterPrompt prompt =
        RouterPromptBuilder.build(
            new RouteRequest(ROUTES, List.of(Message.user("hi")), PromptProfile.ARCHGW_V1));

    assertThat(prompt.profile()).isEqualTo(PromptProfile.ARCHGW_V1);
    assertThat(prompt.text())
        .startsWith("\nYou are a helpful assistant designed to find the best suited route.")
        .contains("[{\"name\":\"code generation\",\"description\":\"Writing new code.\"}]")
        .contains("<conversation>\n[{\"role\":\"user\",\"content\":\"hi\"}]\n</conversation>")
        .endsWith("{\"route\": \"route_name\"}\n")
        .doesNotContain("{routes}", "{conversation}");
  }

  @Test
  void filtered_messages_count_as_dropped_but_not_as_truncation() {
    var conversation =
        List.of(
            new Message(Role.SYSTEM, "Be brief."),
            Message.user("Fix my build."),
            Message.assistant(""),
            new Message(Role.TOOL, "{\"exit\": 1}"),
            new Message(Role.DEVELOPER, "Prefer Java."),
            Message.user("Thanks!"));

    RouterPrompt archgw =
        RouterPromptBuilder.build(new RouteRequest(ROUTES, conversation, PromptProfile.ARCHGW_V1));
    RouterPrompt plano =
        RouterPromptBuilder.build(new RouteRequest(ROUTES, conversation, PromptProfile.PLANO_V1));

    // archgw sends developer messages; plano drops them.
    assertThat(archgw.keptMessages()).isEqualTo(3);
    assertThat(archgw.droppedMessages()).isEqualTo(3);
    assertThat(archgw.truncated()).isFalse();
    assertThat(plano.keptMessages()).isEqualTo(2);
    assertThat(plano.droppedMessages()).isEqualTo(4);
    assertThat(plano.truncated()).isFalse();
  }

  @Test
  void messages_left_out_by_the_budget_make_the_prompt_truncated() {
    var conversation =
        List.of(
            Message.user("x".repeat(400)),
            Message.assistant("y".repeat(400)),
            Message.user("Now what?"));

    RouterPrompt prompt =
        RouterPromptBuilder.build(
            new RouteRequest(ROUTES, conversation, PromptProfile.ARCHGW_V1, 220));

    assertThat(prompt.keptMessages()).isEqualTo(1);
    assertThat(prompt.droppedMessages()).isEqualTo(2);
    assertThat(prompt.truncated()).isTrue();
  }

  @Test
  void a_middle_trimmed_message_makes_the_prompt_truncated_even_when_nothing_is_dropped() {
    RouterPrompt prompt =
        RouterPromptBuilder.build(
            new RouteRequest(
                ROUTES, List.of(Message.user("z".repeat(400))), PromptProfile.PLANO_V1, 230));

    assertThat(prompt.keptMessages()).isEqualTo(1);
    assertThat(prompt.droppedMessages()).isZero();
    assertThat(prompt.truncated()).isTrue();
    // 211 + 100 > 230: room 19 tokens = 76 bytes, 73 after the ellipsis, head 43, tail 30.
    assertThat(prompt.text())
        .contains("\"content\": \"" + "z".repeat(43) + "…" + "z".repeat(30) + "\"\n");
  }

  @Test
  void plano_sends_at_most_the_last_sixteen_messages() {
    var conversation = new ArrayList<Message>();
    for (int i = 0; i < 20; i++) {
      conversation.add(i % 2 == 0 ? Message.user("u" + i) : Message.assistant("a" + i));
    }

    RouterPrompt prompt =
        RouterPromptBuilder.build(new RouteRequest(ROUTES, conversation, PromptProfile.PLANO_V1));

    assertThat(prompt.keptMessages()).isEqualTo(16);
    assertThat(prompt.droppedMessages()).isEqualTo(4);
    assertThat(prompt.truncated()).isTrue();
    assertThat(prompt.text()).contains("\"u4\"").doesNotContain("\"a3\"");
  }

  @Test
  void a_budget_of_zero_means_the_profile_default() {
    var conversation =
        List.of(
            Message.user("w".repeat(4000)),
            Message.assistant("v".repeat(4000)),
            Message.user("And then?"));

    for (PromptProfile profile : PromptProfile.values()) {
      String byDefault =
          RouterPromptBuilder.build(new RouteRequest(ROUTES, conversation, profile, 0)).text();
      String explicit =
          RouterPromptBuilder.build(
                  new RouteRequest(ROUTES, conversation, profile, profile.defaultTokenBudget()))
              .text();
      String smaller =
          RouterPromptBuilder.build(new RouteRequest(ROUTES, conversation, profile, 1000)).text();

      assertThat(byDefault).as(profile.id()).isEqualTo(explicit).isNotEqualTo(smaller);
    }
  }

  @Test
  void an_empty_conversation_is_an_empty_json_list() {
    for (PromptProfile profile : PromptProfile.values()) {
      RouterPrompt prompt = RouterPromptBuilder.build(new RouteRequest(ROUTES, List.of(), profile));

      assertThat(prompt.text()).contains("<conversation>\n[]\n</conversation>");
      assertThat(prompt.keptMessages()).isZero();
      assertThat(prompt.truncated()).isFalse();
    }
  }
}
