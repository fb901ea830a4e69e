package io.routebench.inference.prompt;

import static io.routebench.core.routing.PromptProfile.ARCHGW_V1;
import static io.routebench.core.routing.PromptProfile.PLANO_V1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouterAnswerParserTest {

  @Nested
  class Archgw {

    @Test
    void reads_the_route_of_a_well_formed_answer() {
      assertThat(RouterAnswerParser.parse("{\"route\": \"code generation\"}", ARCHGW_V1))
          .isEqualTo("code generation");
      assertThat(RouterAnswerParser.parse("{\"route\": \"other\"}", ARCHGW_V1)).isEqualTo("other");
    }

    @Test
    void single_quotes_become_double_quotes() {
      assertThat(RouterAnswerParser.parse("{'route': 'debugging'}", ARCHGW_V1))
          .isEqualTo("debugging");
    }

    @Test
    void an_apostrophe_in_a_name_breaks_the_answer_as_it_does_in_production() {
      assertThat(RouterAnswerParser.parse("{\"route\": \"user's pick\"}", ARCHGW_V1)).isEmpty();
    }

    @Test
    void literal_backslash_n_escapes_are_removed() {
      assertThat(RouterAnswerParser.parse("{\\n\"route\": \"debugging\"\\n}", ARCHGW_V1))
          .isEqualTo("debugging");
      assertThat(RouterAnswerParser.parse("{\"route\": \"line\\nbreak\"}", ARCHGW_V1))
          .isEqualTo("linebreak");
    }

    @Test
    void a_json_fence_is_stripped() {
      assertThat(RouterAnswerParser.parse("```json{\"route\": \"debugging\"}```", ARCHGW_V1))
          .isEqualTo("debugging");
      assertThat(RouterAnswerParser.parse("```json\n{\"route\": \"debugging\"}\n```", ARCHGW_V1))
          .isEqualTo("debugging");
      assertThat(RouterAnswerParser.parse("{\"route\": \"debugging\"}```", ARCHGW_V1))
          .isEqualTo("debugging");
    }

    @Test
    void a_fence_not_at_the_very_start_or_end_is_not_stripped() {
      assertThat(RouterAnswerParser.parse(" ```json{\"route\": \"debugging\"}```", ARCHGW_V1))
          .isEmpty();
      assertThat(RouterAnswerParser.parse("```json{\"route\": \"debugging\"}```\n", ARCHGW_V1))
          .isEmpty();
      assertThat(RouterAnswerParser.parse("```{\"route\": \"debugging\"}```", ARCHGW_V1)).isEmpty();
    }

    @Test
    void json_whitespace_around_the_answer_is_fine() {
      assertThat(RouterAnswerParser.parse("\n  {\"route\": \"debugging\"}\r\n", ARCHGW_V1))
          .isEqualTo("debugging");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "debugging",
          "{}",
          "{\"route\": null}",
          "{\"route\": 3}",
          "{\"route\": [\"debugging\"]}",
          "{\"route\": \"debugging\"} I chose it because",
          "{\"route\": \"a\", \"route\": \"b\"}",
          "[\"debugging\"]",
          "{\"route\": \"debugging\""
        })
    void anything_production_cannot_parse_names_no_route(String answer) {
      assertThat(RouterAnswerParser.parse(answer, ARCHGW_V1)).isEmpty();
    }

    @Test
    void an_empty_route_is_no_route() {
      assertThat(RouterAnswerParser.parse("{\"route\": \"\"}", ARCHGW_V1)).isEmpty();
    }

    @Test
    void extra_keys_are_ignored() {
      assertThat(RouterAnswerParser.parse("{\"route\": \"a\", \"why\": \"b\"}", ARCHGW_V1))
          .isEqualTo("a");
    }
  }

  @Nested
  class Plano {

    private static final List<String> KNOWN = List.of("code generation", "debugging");

    @Test
    void the_first_name_of_the_list_wins() {
      assertThat(
              RouterAnswerParser.parse(
                  "{\"route\": [\"debugging\", \"code generation\"]}", PLANO_V1))
          .isEqualTo("debugging");
    }

    @Test
    void an_empty_list_is_no_route() {
      assertThat(RouterAnswerParser.parse("{\"route\": []}", PLANO_V1)).isEmpty();
    }

    @Test
    void single_quotes_and_literal_backslash_n_are_fixed() {
      assertThat(RouterAnswerParser.parse("{'route':\\n ['debugging']}", PLANO_V1))
          .isEqualTo("debugging");
    }

    @Test
    void a_plain_string_is_not_a_list_and_names_no_route() {
      // plano deserializes a list; Arch-Router trained on archgw's format may well answer this.
      assertThat(RouterAnswerParser.parse("{\"route\": \"debugging\"}", PLANO_V1)).isEmpty();
    }

    @Test
    void fences_are_not_stripped_by_plano() {
      assertThat(RouterAnswerParser.parse("```json{\"route\": [\"debugging\"]}```", PLANO_V1))
          .isEmpty();
    }

    @Test
    void empty_names_are_skipped() {
      assertThat(RouterAnswerParser.parse("{\"route\": [\"\", \"debugging\"]}", PLANO_V1))
          .isEqualTo("debugging");
    }

    @Test
    void with_known_routes_unknown_names_are_skipped_like_plano_does() {
      String answer = "{\"route\": [\"bogus\", \"debugging\"]}";

      assertThat(RouterAnswerParser.parse(answer, PLANO_V1, KNOWN)).isEqualTo("debugging");
      assertThat(RouterAnswerParser.parse(answer, PLANO_V1)).isEqualTo("bogus");
    }

    @Test
    void when_no_name_is_known_the_first_stays_visible_as_an_unknown_answer() {
      assertThat(RouterAnswerParser.parse("{\"route\": [\"bogus\", \"other\"]}", PLANO_V1, KNOWN))
          .isEqualTo("bogus");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "{}",
          "{\"route\": null}",
          "{\"route\": [1, \"debugging\"]}",
          "{\"route\": [\"debugging\"]} trailing",
          "{\"route\": [\"debugging\"], \"route\": []}",
          "[\"debugging\"]"
        })
    void anything_production_cannot_parse_names_no_route(String answer) {
      assertThat(RouterAnswerParser.parse(answer, PLANO_V1, KNOWN)).isEmpty();
    }
  }
}
