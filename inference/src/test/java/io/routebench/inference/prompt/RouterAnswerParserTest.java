package io.routebench.inference.prompt;

import static io.routebench.core.routing.PromptProfile.ARCHGW_V1;
import static io.routebench.core.routing.PromptProfile.PLANO_V1;
import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.PromptProfile;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cases of archgw's and plano's own parse_response, and what serde_json makes of others. */
class RouterAnswerParserTest {

  private static final List<String> KNOWN = List.of("code generation", "debugging");

  private static AnswerReading read(String answer, PromptProfile profile) {
    return RouterAnswerParser.read(answer, profile, KNOWN);
  }

  private static String route(String answer, PromptProfile profile) {
    AnswerReading reading = read(answer, profile);
    assertThat(reading.failsInProxy()).as("proxy error: %s", reading.proxyError()).isFalse();
    return reading.routeName();
  }

  private static String proxyError(String answer, PromptProfile profile) {
    AnswerReading reading = read(answer, profile);
    assertThat(reading.failsInProxy()).as("read as route '%s'", reading.routeName()).isTrue();
    assertThat(reading.routeName()).isEmpty();
    return reading.proxyError();
  }

  @Nested
  class Archgw {

    @Test
    void reads_the_route_of_a_well_formed_answer() {
      assertThat(route("{\"route\": \"code generation\"}", ARCHGW_V1)).isEqualTo("code generation");
      assertThat(route("{\"route\": \"other\"}", ARCHGW_V1)).isEqualTo("other");
      assertThat(route("{\"route\": \"bogus\"}", ARCHGW_V1)).isEqualTo("bogus");
    }

    @Test
    void single_quotes_become_double_quotes() {
      assertThat(route("{'route': 'debugging'}", ARCHGW_V1)).isEqualTo("debugging");
    }

    @Test
    void an_apostrophe_in_a_name_breaks_the_answer_as_it_does_in_production() {
      assertThat(proxyError("{\"route\": \"user's pick\"}", ARCHGW_V1))
          .startsWith("the answer is not valid JSON");
    }

    @Test
    void literal_backslash_n_escapes_are_removed() {
      assertThat(route("{\\n\"route\": \"debugging\"\\n}", ARCHGW_V1)).isEqualTo("debugging");
      assertThat(route("{\"route\": \"line\\nbreak\"}", ARCHGW_V1)).isEqualTo("linebreak");
    }

    @Test
    void a_json_fence_is_stripped() {
      assertThat(route("```json{\"route\": \"debugging\"}```", ARCHGW_V1)).isEqualTo("debugging");
      assertThat(route("```json\n{\"route\": \"debugging\"}\n```", ARCHGW_V1))
          .isEqualTo("debugging");
      assertThat(route("{\"route\": \"debugging\"}```", ARCHGW_V1)).isEqualTo("debugging");
    }

    @Test
    void a_fence_not_at_the_very_start_or_end_is_not_stripped() {
      proxyError(" ```json{\"route\": \"debugging\"}```", ARCHGW_V1);
      proxyError("```json{\"route\": \"debugging\"}```\n", ARCHGW_V1);
      proxyError("```{\"route\": \"debugging\"}```", ARCHGW_V1);
    }

    @Test
    void json_whitespace_around_the_answer_is_fine() {
      assertThat(route("\n  {\"route\": \"debugging\"}\r\n", ARCHGW_V1)).isEqualTo("debugging");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"route\": null}", "{\"route\": \"\"}", "[null]"})
    void an_empty_answer_or_route_names_no_route_and_goes_to_the_default(String answer) {
      assertThat(route(answer, ARCHGW_V1)).isEmpty();
    }

    @Test
    void a_serde_struct_also_reads_from_a_one_element_list() {
      assertThat(route("[\"debugging\"]", ARCHGW_V1)).isEqualTo("debugging");
      proxyError("[]", ARCHGW_V1);
      proxyError("[\"debugging\", \"code generation\"]", ARCHGW_V1);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "debugging",
          "I think this is about debugging.",
          "{\"route\": 3}",
          "{\"route\": [\"debugging\"]}",
          "{\"route\": \"debugging\"} I chose it because",
          "{\"route\": \"debugging\"}\n{\"route\": \"other\"}",
          "{\"route\": \"a\", \"route\": \"b\"}",
          "{\"route\": null, \"route\": \"b\"}",
          "{\"route\": \"debugging\"",
          "\"debugging\"",
          "   ",
          "\\n",
          "```json```",
          "{\"route\": \"\\ud800\"}"
        })
    void anything_serde_cannot_read_fails_the_request(String answer) {
      assertThat(proxyError(answer, ARCHGW_V1)).isNotBlank();
    }

    @Test
    void extra_keys_are_ignored_but_must_be_json() {
      assertThat(route("{\"route\": \"a\", \"why\": {\"b\": [1, 2.5e3, null]}}", ARCHGW_V1))
          .isEqualTo("a");
      assertThat(route("{\"why\": 1, \"why\": 2, \"route\": \"a\"}", ARCHGW_V1)).isEqualTo("a");
      proxyError("{\"route\": \"a\", \"why\": tru}", ARCHGW_V1);
    }

    @Test
    void nesting_beyond_serde_jsons_recursion_limit_fails() {
      String deep126 = "[".repeat(126) + "]".repeat(126);
      String deep127 = "[".repeat(127) + "]".repeat(127);
      assertThat(route("{\"route\": \"a\", \"x\": " + deep126 + "}", ARCHGW_V1)).isEqualTo("a");
      proxyError("{\"route\": \"a\", \"x\": " + deep127 + "}", ARCHGW_V1);
    }

    @Test
    void the_reason_says_what_is_wrong() {
      assertThat(proxyError("{\"route\": \"debugging\"} Sure!", ARCHGW_V1))
          .isEqualTo("text follows the JSON answer");
      assertThat(proxyError("{\"route\": [\"debugging\"]}", ARCHGW_V1))
          .isEqualTo("\"route\" is a list where archgw expects a string");
      assertThat(proxyError("Sure, debugging.", ARCHGW_V1))
          .startsWith("the answer is not valid JSON");
    }
  }

  @Nested
  class Plano {

    @Test
    void the_first_known_name_of_the_list_wins() {
      assertThat(route("{\"route\": [\"debugging\", \"code generation\"]}", PLANO_V1))
          .isEqualTo("debugging");
      assertThat(route("{\"route\": [\"bogus\", \"\", \"code generation\"]}", PLANO_V1))
          .isEqualTo("code generation");
    }

    @Test
    void the_whole_list_is_kept_with_the_entry_plano_takes() {
      AnswerReading reading =
          read("{\"route\": [\"bogus\", \"\", \"debugging\", \"code generation\"]}", PLANO_V1);

      // Empty names are skipped as plano skips them; unknown ones stay, for the why-panel.
      assertThat(reading.listedRoutes()).containsExactly("bogus", "debugging", "code generation");
      assertThat(reading.routeName()).isEqualTo("debugging");
      assertThat(reading.takenIndex()).isEqualTo(1);
    }

    @Test
    void an_archgw_answer_lists_its_one_name() {
      assertThat(read("{\"route\": \"debugging\"}", ARCHGW_V1).listedRoutes())
          .containsExactly("debugging");
      assertThat(read("{\"route\": \"\"}", ARCHGW_V1).listedRoutes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "{}", "{\"route\": null}", "{\"route\": []}", "{\"route\": [\"\"]}"})
    void no_name_is_no_route_and_goes_to_the_default(String answer) {
      assertThat(route(answer, PLANO_V1)).isEmpty();
    }

    @Test
    void single_quotes_and_literal_backslash_n_are_fixed() {
      assertThat(route("{'route':\\n ['debugging']}", PLANO_V1)).isEqualTo("debugging");
    }

    @Test
    void arch_routers_own_string_form_fails_the_request() {
      assertThat(proxyError("{\"route\": \"debugging\"}", PLANO_V1))
          .isEqualTo("\"route\" is a string where plano expects a list");
    }

    @Test
    void fences_are_not_stripped_by_plano() {
      proxyError("```json{\"route\": [\"debugging\"]}```", PLANO_V1);
      proxyError("```json\n{\"route\": [\"debugging\"]}\n```", PLANO_V1);
    }

    @Test
    void when_no_name_is_known_the_first_stays_visible_as_an_unknown_answer() {
      assertThat(route("{\"route\": [\"bogus\", \"other\"]}", PLANO_V1)).isEqualTo("bogus");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "debugging",
          "{\"route\": [1, \"debugging\"]}",
          "{\"route\": [null]}",
          "{\"route\": [\"debugging\"]} trailing",
          "{\"route\": [\"debugging\"], \"route\": []}",
          "{\"route\": {\"name\": \"debugging\"}}"
        })
    void anything_serde_cannot_read_fails_the_request(String answer) {
      assertThat(proxyError(answer, PLANO_V1)).isNotBlank();
    }

    @Test
    void a_serde_struct_also_reads_from_a_one_element_list() {
      assertThat(route("[[\"debugging\"]]", PLANO_V1)).isEqualTo("debugging");
      proxyError("[\"debugging\"]", PLANO_V1);
    }
  }
}
