package io.routebench.app.cli;

import io.routebench.core.run.Metric;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A regression run as JUnit XML, the format every CI server reads: one test case per user turn, a
 * failure naming the expected and the actual route. Written to the strict Apache Ant JUnit schema
 * (the one Jenkins and most readers accept): a {@code hostname}, a {@code timestamp} in UTC without
 * zone or fraction, and {@code system-out}/{@code system-err} always present.
 */
final class JUnitXmlReport {

  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private JUnitXmlReport() {}

  static String render(RegressionRun run, TestSuite suite) {
    return render(run, suite, hostname());
  }

  static String render(RegressionRun run, TestSuite suite, String hostname) {
    var text = new StringWriter();
    try {
      XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(text);
      new ReportWriter(xml, run, suite).write(hostname);
      xml.close();
    } catch (XMLStreamException e) {
      // A StringWriter cannot fail, and every string is made safe for XML before it is written.
      throw new IllegalStateException("could not write the JUnit report", e);
    }
    return text.toString();
  }

  /** The ISO date and time the schema wants: no zone (it is UTC), whole seconds. */
  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /** The schema's advice when the name cannot be found: {@code localhost}. */
  private static String hostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name == null || name.isBlank() ? "localhost" : name;
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static final class ReportWriter {
    private final XMLStreamWriter xml;
    private final RegressionRun run;
    private final Map<String, TestCase> cases = new HashMap<>();

    ReportWriter(XMLStreamWriter xml, RegressionRun run, TestSuite suite) {
      this.xml = xml;
      this.run = run;
      suite.cases().forEach(c -> cases.put(c.id(), c));
    }

    void write(String hostname) throws XMLStreamException {
      long failures = run.results().stream().filter(r -> !r.passed()).count();
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      attribute("name", run.suiteName());
      attribute("tests", Integer.toString(run.results().size()));
      attribute("failures", Long.toString(failures));
      attribute("errors", run.status() == RunStatus.FAILED ? "1" : "0");
      attribute("time", seconds(run.durationMillis()));
      attribute("timestamp", timestamp(run.startedAt()));
      attribute("hostname", hostname);
      indent(1);
      xml.writeStartElement("properties");
      property("engine", run.engine().kind());
      property("model", run.engine().model());
      property("model_sha256", run.engine().modelSha256());
      property("profile", run.engine().profile().id());
      property("run_id", run.id());
      property("status", run.status().name().toLowerCase(Locale.ROOT));
      RunMetrics metrics = MetricsCalculator.compute(run);
      for (Metric metric : Metric.values()) {
        property(metric.jsonKey(), metric.plainValue(metrics));
      }
      indent(1);
      xml.writeEndElement();
      for (TurnResult result : run.results()) {
        testCase(result);
      }
      indent(1);
      xml.writeStartElement("system-out");
      xml.writeEndElement();
      indent(1);
      xml.writeStartElement("system-err");
      xml.writeCharacters(xmlSafe(run.failureMessage()));
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
    }

    private void testCase(TurnResult result) throws XMLStreamException {
      String message = messageOf(cases.get(result.caseId()), result.messageIndex());
      indent(1);
      if (result.passed()) {
        xml.writeEmptyElement("testcase");
      } else {
        xml.writeStartElement("testcase");
      }
      attribute("classname", run.suiteName() + "." + result.caseName());
      attribute("name", "turn " + (result.turnIndex() + 1) + ": " + excerpt(message));
      attribute("time", seconds(result.latencyMillis()));
      if (result.passed()) {
        return;
      }
      String failure =
          result.proxyError()
              ? "expected \""
                  + result.expected()
                  + "\" but the proxy cannot read the router's answer: HTTP 500"
              : "expected \"" + result.expected() + "\" but routed to \"" + result.actual() + "\"";
      indent(2);
      xml.writeStartElement("failure");
      attribute("type", result.proxyError() ? "proxy-error" : "wrong-route");
      attribute("message", failure);
      xml.writeCharacters(xmlSafe("raw output: " + result.rawOutput() + "\nmessage: " + message));
      xml.writeEndElement();
      indent(1);
      xml.writeEndElement();
    }

    private void property(String name, String value) throws XMLStreamException {
      indent(2);
      xml.writeEmptyElement("property");
      attribute("name", name);
      attribute("value", value);
    }

    private void attribute(String name, String value) throws XMLStreamException {
      xml.writeAttribute(name, xmlSafe(value));
    }

    private void indent(int depth) throws XMLStreamException {
      xml.writeCharacters("\n" + "  ".repeat(depth));
    }
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

  /**
   * Drops the characters XML 1.0 cannot carry at all (the writer escapes markup, but a control
   * character in a model's output would make the whole report unreadable).
   */
  private static String xmlSafe(String value) {
    var safe = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(
            cp ->
                cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || cp >= 0x10000)
        .forEach(safe::appendCodePoint);
    return safe.toString();
  }
}
