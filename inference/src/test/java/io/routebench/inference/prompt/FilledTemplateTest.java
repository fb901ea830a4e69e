package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptSegment;
import io.routebench.core.routing.PromptSegment.Part;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FilledTemplateTest {

  @ParameterizedTest
  @EnumSource(PromptProfile.class)
  void segments_cover_the_prompt_and_mark_routes_and_conversation(PromptProfile profile) {
    var request =
        new RouteRequest(
            List.of(new RouteOption("code generation", "Writing new code.")),
            List.of(Message.user("write a parser please")),
            profile);

    RouterPrompt prompt = RouterPromptBuilder.build(request);

    List<PromptSegment> segments = prompt.segments();
    assertThat(segments)
        .extracting(PromptSegment::part)
        .containsExactly(
            Part.INSTRUCTIONS,
            Part.ROUTES,
            Part.INSTRUCTIONS,
            Part.CONVERSATION,
            Part.INSTRUCTIONS);
    assertThat(segments.get(0).start()).isZero();
    assertThat(segments.get(segments.size() - 1).end()).isEqualTo(prompt.text().length());
    for (int i = 1; i < segments.size(); i++) {
      assertThat(segments.get(i).start()).isEqualTo(segments.get(i - 1).end());
    }
    assertThat(text(prompt, segments.get(1))).contains("code generation", "Writing new code.");
    assertThat(text(prompt, segments.get(3)))
        .startsWith("[")
        .endsWith("]")
        .contains("write a parser please");
  }

  @Test
  void
      a_conversation_placeholder_inside_a_route_description_is_conversation_as_the_proxy_fills_it() {
    FilledTemplate filled =
        FilledTemplate.fill("A{routes}B{conversation}C", "r{conversation}r", "[c]");

    assertThat(filled.text()).isEqualTo("Ar[c]rB[c]C");
    assertThat(filled.segments())
        .containsExactly(
            new PromptSegment(Part.INSTRUCTIONS, 0, 1),
            new PromptSegment(Part.ROUTES, 1, 2),
            new PromptSegment(Part.CONVERSATION, 2, 5),
            new PromptSegment(Part.ROUTES, 5, 6),
            new PromptSegment(Part.INSTRUCTIONS, 6, 7),
            new PromptSegment(Part.CONVERSATION, 7, 10),
            new PromptSegment(Part.INSTRUCTIONS, 10, 11));
  }

  @Test
  void a_placeholder_straddling_a_boundary_gives_no_segments_rather_than_wrong_ones() {
    FilledTemplate filled = FilledTemplate.fill("A{routes}sation}B", "{conver", "[c]");

    assertThat(filled.text()).isEqualTo("A[c]B");
    assertThat(filled.segments()).isEmpty();
  }

  private static String text(RouterPrompt prompt, PromptSegment segment) {
    return prompt.text().substring(segment.start(), segment.end());
  }
}
