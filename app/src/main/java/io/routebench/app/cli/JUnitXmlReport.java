package io.routebench.app.cli;

import io.routebench.core.run.Metric;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A regression run as JUnit XML, the format every CI server reads: one test case per user turn, a
 * failure naming the expected and the actual route.
 */
final class JUnitXmlReport {

  private JUnitXmlReport() {}

  static String render(RegressionRun run, TestSuite suite) {
    Map<String, TestCase> cases = new HashMap<>();
    suite.cases().forEach(c -> cases.put(c.id(), c));
    long failures = run.results().stream().filter(r -> !r.passed()).count();
    var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"")
        .append(attr(run.suiteName()))
        .append("\" tests=\"")
        .append(run.results().size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"")
        .append(run.status().name().equals("FAILED") ? 1 : 0)
        .append("\" time=\"")
        .append(seconds(run.durationMillis()))
        .append("\" timestamp=\"")
        .append(run.startedAt())
        .append("\">\n");
    xml.append("  <properties>\n");
    property(xml, "engine", run.engine().kind());
    property(xml, "model", run.engine().model());
    property(xml, "model_sha256", run.engine().modelSha256());
    property(xml, "profile", run.engine().profile().id());
    property(xml, "run_id", run.id());
    property(xml, "status", run.status().name().toLowerCase(Locale.ROOT));
    RunMetrics metrics = MetricsCalculator.compute(run);
    for (Metric metric : Metric.values()) {
      property(xml, metric.jsonKey(), metric.plainValue(metrics));
    }
    xml.append("  </properties>\n");
    for (TurnResult result : run.results()) {
      TestCase testCase = cases.get(result.caseId());
      String message = messageOf(testCase, result.messageIndex());
      xml.append("  <testcase classname=\"")
          .append(attr(run.suiteName() + "." + result.caseName()))
          .append("\" name=\"")
          .append(attr("turn " + (result.turnIndex() + 1) + ": " + excerpt(message)))
          .append("\" time=\"")
          .append(seconds(result.latencyMillis()))
          .append('"');
      if (result.passed()) {
        xml.append("/>\n");
      } else {
        String failure =
            result.proxyError()
                ? "expected \""
                    + result.expected()
                    + "\" but the proxy cannot read the router's answer: HTTP 500"
                : "expected \""
                    + result.expected()
                    + "\" but routed to \""
                    + result.actual()
                    + "\"";
        xml.append(">\n    <failure type=\"")
            .append(result.proxyError() ? "proxy-error" : "wrong-route")
            .append("\" message=\"")
            .append(attr(failure))
            .append("\">")
            .append(text("raw output: " + result.rawOutput() + "\nmessage: " + message))
            .append("</failure>\n  </testcase>\n");
      }
    }
    if (!run.failureMessage().isEmpty()) {
      xml.append("  <system-err>").append(text(run.failureMessage())).append("</system-err>\n");
    }
    return xml.append("</testsuite>\n").toString();
  }

  private static void property(StringBuilder xml, String name, String value) {
    xml.append("    <property name=\"")
        .append(attr(name))
        .append("\" value=\"")
        .append(attr(value))
        .append("\"/>\n");
  }

  private static String messageOf(TestCase testCase, int index) {
    if (testCase == null || index < 0 || index >= testCase.messages().size()) {
      return "";
    }
    CaseMessage message = testCase.messages().get(index);
    return message.content();
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 80 ? flat : flat.substring(0, 79) + "…";
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String attr(String value) {
    return text(value).replace("\"", "&quot;");
  }

  /** XML text: escapes markup and drops characters XML 1.0 cannot carry. */
  private static String text(String value) {
    var escaped = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> {
                  if (cp == 0x9
                      || cp == 0xA
                      || cp == 0xD
                      || (cp >= 0x20 && cp <= 0xD7FF)
                      || (cp >= 0xE000 && cp <= 0xFFFD)
                      || cp >= 0x10000) {
                    escaped.appendCodePoint(cp);
                  }
                }
              }
            });
    return escaped.toString();
  }
}
