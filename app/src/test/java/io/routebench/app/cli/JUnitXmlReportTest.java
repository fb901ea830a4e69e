package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.conversation.Role;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The JUnit report against the strict Ant JUnit schema that CI servers' readers expect. */
class JUnitXmlReportTest {

  private static final TestSuite SUITE =
      new TestSuite(
          "s1",
          "smoke & <friends>",
          "",
          List.of(
              new TestCase(
                  "c1",
                  "case \"one\"",
                  List.of(),
                  "",
                  List.of(
                      new CaseMessage(Role.USER, "write a <script> & \"quote\" it", "code"),
                      new CaseMessage(Role.ASSISTANT, "done", null),
                      new CaseMessage(Role.USER, "now fix the bug\u0001 please", "debugging")))));

  @Test
  void a_run_with_passes_failures_proxy_errors_and_a_failure_message_validates() throws Exception {
    RegressionRun run =
        run(
            RunStatus.FAILED,
            "engine died: \u0000 <gone>",
            List.of(
                turn(0, 0, "code", "code", DecisionOutcome.MATCHED, "{\"route\": \"code\"}"),
                turn(1, 2, "debugging", "other", DecisionOutcome.OTHER, "{\"route\": \"other\"}"),
                turn(
                    1, 2, "debugging", "proxy_error", DecisionOutcome.PROXY_ERROR, "Sure:\u0007")));

    String xml = JUnitXmlReport.render(run, SUITE, "ci-runner-7");

    strictSchema().newValidator().validate(new StreamSource(new StringReader(xml)));
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("timestamp=\"2025-03-04T05:06:07\"", "hostname=\"ci-runner-7\"")
        .contains("failures=\"2\"", "errors=\"1\"", "tests=\"3\"")
        .contains("<property name=\"proxy_errors\" value=\"1\"/>")
        .contains("<failure type=\"proxy-error\"", "<failure type=\"wrong-route\"")
        .contains("smoke &amp; &lt;friends&gt;", "engine died:  &lt;gone&gt;</system-err>")
        .doesNotContain("\u0000", "\u0001", "\u0007");
  }

  @Test
  void an_empty_run_still_carries_the_elements_the_schema_requires() throws Exception {
    String xml = JUnitXmlReport.render(run(RunStatus.COMPLETED, "", List.of()), SUITE, "h");

    strictSchema().newValidator().validate(new StreamSource(new StringReader(xml)));
    assertThat(xml).contains("<system-out></system-out>", "<system-err></system-err>");
  }

  /** The schema is strict enough to catch what the hand-built report used to write. */
  @Test
  void the_schema_refuses_a_timestamp_with_zone_and_fraction_and_a_missing_hostname() {
    String xml =
        JUnitXmlReport.render(run(RunStatus.COMPLETED, "", List.of()), SUITE, "h")
            .replace("timestamp=\"2025-03-04T05:06:07\"", "timestamp=\"2025-03-04T05:06:07.5Z\"");

    assertThatThrownBy(
            () -> strictSchema().newValidator().validate(new StreamSource(new StringReader(xml))))
        .isInstanceOf(SAXException.class);
    String noHost =
        JUnitXmlReport.render(run(RunStatus.COMPLETED, "", List.of()), SUITE, "h")
            .replace(" hostname=\"h\"", "");
    assertThatThrownBy(
            () ->
                strictSchema().newValidator().validate(new StreamSource(new StringReader(noHost))))
        .isInstanceOf(SAXException.class);
  }

  @Test
  void the_timestamp_is_utc_in_whole_seconds() {
    assertThat(JUnitXmlReport.timestamp(Instant.parse("2025-12-31T23:59:00.999999Z")))
        .isEqualTo("2025-12-31T23:59:00");
  }

  private static Schema strictSchema() throws SAXException {
    return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(JUnitXmlReportTest.class.getResource("junit-ant-strict.xsd"));
  }

  private static RegressionRun run(RunStatus status, String failure, List<TurnResult> results) {
    return new RegressionRun(
        "run-1",
        SUITE.id(),
        SUITE.name(),
        new EngineIdentity("llama.cpp", "m.gguf", "ab", PromptProfile.ARCHGW_V1, Map.of()),
        Instant.parse("2025-03-04T05:06:07.123456789Z"),
        1234,
        status,
        failure,
        results);
  }

  private static TurnResult turn(
      int turn, int message, String expected, String actual, DecisionOutcome outcome, String raw) {
    return new TurnResult(
        "c1", "case \"one\"", turn, message, expected, actual, outcome, raw, 12, 100, 0, List.of());
  }
}
