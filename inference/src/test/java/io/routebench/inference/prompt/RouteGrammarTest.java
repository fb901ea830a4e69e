package io.routebench.inference.prompt;

import static io.routebench.core.routing.PromptProfile.ARCHGW_V1;
import static io.routebench.core.routing.PromptProfile.PLANO_V1;
import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.AnswerReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteGrammarTest {

  @Test
  void archgw_admits_exactly_the_route_names_and_other_then_the_closing() {
    ConstrainedAnswer answer =
        RouteGrammar.forRoutes(ARCHGW_V1, List.of("code generation", "code", "debugging"));

    assertThat(answer.prefill()).isEqualTo("{\"route\": \"");
    assertThat(answer.gbnfGrammar())
        .isEqualTo(
            "root ::= (\"code generation\" | \"code\" | \"debugging\" | \"other\") \"\\\"}\"\n");
  }

  @Test
  void archgw_lists_other_once_and_ignores_duplicate_or_empty_names() {
    ConstrainedAnswer answer = RouteGrammar.forRoutes(ARCHGW_V1, List.of("other", "a", "", "a"));

    assertThat(answer.gbnfGrammar()).isEqualTo("root ::= (\"other\" | \"a\") \"\\\"}\"\n");
  }

  @Test
  void archgw_without_routes_can_only_answer_other() {
    assertThat(RouteGrammar.forRoutes(ARCHGW_V1, List.of()).gbnfGrammar())
        .isEqualTo("root ::= (\"other\") \"\\\"}\"\n");
  }

  @Test
  void names_are_escaped_as_gbnf_string_literals() {
    ConstrainedAnswer answer =
        RouteGrammar.forRoutes(
            ARCHGW_V1, List.of("say \"hi\"", "C:\\tmp", "tab\there\u0001", "中 😀"));

    assertThat(answer.gbnfGrammar())
        .isEqualTo(
            "root ::= (\"say \\\"hi\\\"\" | \"C:\\\\tmp\" | \"tab\\there\\x01\" | \"中 😀\""
                + " | \"other\") \"\\\"}\"\n");
  }

  @Test
  void plano_admits_an_empty_list_or_a_list_of_known_names() {
    ConstrainedAnswer answer = RouteGrammar.forRoutes(PLANO_V1, List.of("code", "debugging"));

    assertThat(answer.prefill()).isEqualTo("{\"route\": [");
    assertThat(answer.gbnfGrammar())
        .isEqualTo(
            "root ::= \"]}\" | route (\", \" route)* \"]}\"\n"
                + "route ::= \"\\\"code\\\"\" | \"\\\"debugging\\\"\"\n");
  }

  @Test
  void plano_without_routes_can_only_close_the_empty_list() {
    assertThat(RouteGrammar.forRoutes(PLANO_V1, List.of()).gbnfGrammar())
        .isEqualTo("root ::= \"]}\"\n");
  }

  @Test
  void prefill_and_a_constrained_completion_parse_back_to_the_route() {
    ConstrainedAnswer archgw = RouteGrammar.forRoutes(ARCHGW_V1, List.of("code"));
    ConstrainedAnswer plano = RouteGrammar.forRoutes(PLANO_V1, List.of("code", "debugging"));

    assertThat(archgw.rawAnswer("code\"}")).isEqualTo("{\"route\": \"code\"}");
    var known = List.of("code", "debugging");
    assertThat(RouterAnswerParser.read(archgw.rawAnswer("code\"}"), ARCHGW_V1, known))
        .isEqualTo(AnswerReading.route("code"));
    assertThat(
            RouterAnswerParser.read(plano.rawAnswer("\"debugging\", \"code\"]}"), PLANO_V1, known))
        .isEqualTo(AnswerReading.listed(List.of("debugging", "code"), "debugging"));
    assertThat(RouterAnswerParser.read(plano.rawAnswer("]}"), PLANO_V1, known))
        .isEqualTo(AnswerReading.route(""));
  }
}
