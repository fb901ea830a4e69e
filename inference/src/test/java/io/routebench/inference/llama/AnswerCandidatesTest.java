package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.PromptProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCandidatesTest {

  private final AnswerCandidates archgw =
      AnswerCandidates.forProfile(
          PromptProfile.ARCHGW_V1, List.of("code generation", "code review", "debugging", "code"));

  @Test
  void archgw_prefills_the_answer_up_to_the_route_name() {
    assertThat(archgw.prefill()).isEqualTo("{\"route\": \"");
  }

  @Test
  void a_route_is_decided_once_no_other_route_can_follow() {
    assertThat(archgw.decidedBy("deb"))
        .map(AnswerCandidates.Candidate::route)
        .contains("debugging");
    assertThat(archgw.decidedBy("code")).isEmpty();
    assertThat(archgw.decidedBy("code r"))
        .map(AnswerCandidates.Candidate::route)
        .contains("code review");
  }

  @Test
  void a_name_that_prefixes_another_is_decided_by_its_closing_quote() {
    assertThat(archgw.decidedBy("code\"")).map(AnswerCandidates.Candidate::route).contains("code");
    assertThat(archgw.decidedBy("code\"}")).map(AnswerCandidates.Candidate::route).contains("code");
  }

  @Test
  void other_is_always_a_possible_answer() {
    assertThat(archgw.decidedBy("oth")).map(AnswerCandidates.Candidate::route).contains("other");
  }

  @Test
  void grammar_admits_exactly_the_remaining_continuations() {
    assertThat(archgw.grammarAfter("code"))
        .isEqualTo("root ::= \" generation\\\"}\" | \" review\\\"}\" | \"\\\"}\"\n");
    assertThat(archgw.grammarAfter(""))
        .startsWith("root ::= \"code generation\\\"}\" | ")
        .contains("\"other\\\"}\"");
  }

  @Test
  void plano_decides_on_the_first_name_of_the_list_or_the_empty_list() {
    var plano = AnswerCandidates.forProfile(PromptProfile.PLANO_V1, List.of("travel", "trivia"));

    assertThat(plano.prefill()).isEqualTo("{\"route\": [");
    assertThat(plano.decidedBy("]")).map(AnswerCandidates.Candidate::route).contains("");
    assertThat(plano.decidedBy("\"tr")).isEmpty();
    assertThat(plano.decidedBy("\"tra")).map(AnswerCandidates.Candidate::route).contains("travel");
  }

  @Test
  void answers_are_bounded_by_their_longest_candidate_in_bytes() {
    var accents = AnswerCandidates.forProfile(PromptProfile.ARCHGW_V1, List.of("résumé"));
    // "résumé\"}" is 10 bytes; "other\"}" is 7.
    assertThat(accents.maxAnswerBytes()).isEqualTo(10);
  }
}
