package io.routebench.core.suite.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteJsonlWriterTest {

  @Test
  void writes_one_compact_object_per_line_in_key_order_leaving_out_empty_tags_and_notes()
      throws IOException {
    var cases =
        List.of(
            new TestCase(
                "id-1",
                "refactor",
                List.of("coding"),
                "seen in prod",
                List.of(
                    new CaseMessage(Role.SYSTEM, "be brief", null),
                    CaseMessage.user("refactor this", "code generation"),
                    CaseMessage.assistant("done"))),
            new TestCase(
                "id-2", "thanks", List.of(), "", List.of(CaseMessage.user("thanks!", "other"))));

    assertThat(write(cases))
        .isEqualTo(
            """
            {"name":"refactor","tags":["coding"],"notes":"seen in prod","messages":[\
            {"role":"system","content":"be brief"},\
            {"role":"user","content":"refactor this","expected_route":"code generation"},\
            {"role":"assistant","content":"done"}]}
            {"name":"thanks","messages":[{"role":"user","content":"thanks!","expected_route":"other"}]}
            """);
  }

  @Test
  void export_then_import_gives_the_same_cases_with_new_ids() throws IOException {
    var cases =
        List.of(
            new TestCase(
                "id-1",
                "tricky \"quotes\" \\ and\nnewlines",
                List.of("ünïcödé", "emoji 🚀"),
                "line one\r\nline two\ttabbed",
                List.of(
                    CaseMessage.user("\u0000 control \u001f and \u2028 separators", "code review"),
                    new CaseMessage(Role.TOOL, "{\"result\": 42}", null),
                    new CaseMessage(Role.DEVELOPER, "", null),
                    CaseMessage.user("日本語で説明して", "other"))),
            new TestCase(
                "id-2", "plain", List.of(), "", List.of(CaseMessage.user("hi", "greeting"))));

    String text = write(cases);
    SuiteJsonlResult back = SuiteJsonlReader.read(new StringReader(text), "export.jsonl");

    assertThat(back.errors()).isEmpty();
    assertThat(text.lines()).hasSize(2);
    assertThat(back.cases()).hasSize(2);
    for (int i = 0; i < cases.size(); i++) {
      TestCase original = cases.get(i);
      TestCase copy = back.cases().get(i);
      assertThat(copy.id()).isNotEqualTo(original.id());
      assertThat(copy.name()).isEqualTo(original.name());
      assertThat(copy.tags()).isEqualTo(original.tags());
      assertThat(copy.notes()).isEqualTo(original.notes());
      assertThat(copy.messages()).isEqualTo(original.messages());
    }
  }

  @Test
  void twenty_thousand_conversations_import_in_well_under_two_seconds() throws IOException {
    var cases = new ArrayList<TestCase>();
    for (int i = 0; i < 20_000; i++) {
      var messages = new ArrayList<CaseMessage>();
      for (int turn = 0; turn < 3; turn++) {
        messages.add(
            CaseMessage.user(
                "Case "
                    + i
                    + " turn "
                    + turn
                    + ": please refactor the parser module so that it"
                    + " streams its input instead of loading whole files into memory.",
                turn == 2 ? "other" : "code generation"));
        messages.add(
            CaseMessage.assistant(
                "Here is a streaming version of the parser, with a small buffer and tests."));
      }
      cases.add(new TestCase("id", "case " + i, List.of("bulk"), "", messages));
    }
    String text = write(cases);

    // CPU time of this thread, not wall time: other builds sharing the machine must not make
    // the test fail, and an import's own cost is what the two seconds are about.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    SuiteJsonlResult result = SuiteJsonlReader.read(new StringReader(text), "bulk.jsonl");
    long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;

    assertThat(result.errors()).isEmpty();
    assertThat(result.cases()).hasSize(20_000);
    assertThat(result.cases().get(19_999).messages()).hasSize(6);
    assertThat(millis).as("import CPU time in ms").isLessThan(2_000);
  }

  private static String write(List<TestCase> cases) throws IOException {
    var out = new StringWriter();
    SuiteJsonlWriter.write(cases, out);
    return out.toString();
  }
}
