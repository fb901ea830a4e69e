package io.routebench.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RunHtmlReportTest {

  private static final String SCRIPT = "<script>alert('owned')</script>";
  private static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";

  /** Case names, conversations, raw answers and route names written by someone hostile. */
  private final TestSuite suite =
      new TestSuite(
          "s1",
          "smoke </title>" + SCRIPT,
          "",
          List.of(
              new TestCase(
                  "c1",
                  "dates " + SCRIPT,
                  List.of(),
                  "",
                  List.of(
                      CaseMessage.user("Parse ISO dates " + SCRIPT, "code generation"),
                      CaseMessage.assistant("Sure " + BREAKOUT),
                      CaseMessage.user("Now the tests & more", "test" + BREAKOUT))),
              new TestCase(
                  "c2",
                  "plain",
                  List.of(),
                  "",
                  List.of(CaseMessage.user("What is the weather?", "other")))));

  private final RegressionRun baseline =
      run(
          "run-1",
          turn("c1", "dates " + SCRIPT, 0, 0, "code generation", "code generation", "ok"),
          turn("c1", "dates " + SCRIPT, 1, 2, "test" + BREAKOUT, "test" + BREAKOUT, "ok"),
          turn(
              "c2", "plain", 0, 0, "other", "code generation", "{\"route\": \"code generation\"}"));

  private final RegressionRun candidate =
      run(
          "run-2",
          turn("c1", "dates " + SCRIPT, 0, 0, "code generation", "code generation", "ok"),
          turn("c1", "dates " + SCRIPT, 1, 2, "test" + BREAKOUT, "other", BREAKOUT + SCRIPT),
          turn("c2", "plain", 0, 0, "other", "other", "{\"route\": \"other\"}"));

  private String render() {
    RunMetrics metrics = MetricsCalculator.compute(candidate);
    return RunHtmlReport.render(
        candidate, metrics, suite, baseline, RunComparison.compare(baseline, candidate));
  }

  @Test
  void nothing_from_a_run_becomes_markup() {
    String html = render();

    assertThat(html).doesNotContain("<script", "<img", "</title><");
    assertThat(tagsOf(html))
        .isSubsetOf(
            "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
            "section", "table", "tr", "th", "td", "footer", "article", "ol", "li", "span", "pre",
            "div");
    assertThat(attributesOf(html))
        .allMatch(
            name ->
                Set.of("lang", "charset", "name", "content", "class", "id", "style", "title")
                        .contains(name)
                    || name.startsWith("data-"));
    assertThat(html)
        .contains("Parse ISO dates &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;")
        .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void it_loads_nothing_and_prints_well() {
    String html = render();

    assertThat(attributesOf(html)).doesNotContain("src", "href", "action", "srcset");
    assertThat(html).doesNotContainPattern("(?i)url\\(|@import|<link|<iframe|<object");
    assertThat(html).contains("@media print");
  }

  @Test
  void a_failed_turn_shows_its_conversation_up_to_the_turn_and_the_raw_answer() {
    String html = render();

    String failed = html.substring(html.indexOf("<section id=\"failed\">"));
    assertThat(failed)
        .contains("Failed turns · 1")
        .contains("Parse ISO dates")
        .contains("Sure &quot;&gt;&lt;img")
        .contains(
            "<li class=\"user asked\"><span class=\"who\">user</span>Now the tests &amp; more")
        .contains("<pre class=\"raw\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;");
    assertThat(failed).doesNotContain("What is the weather?");
  }

  @Test
  void the_comparison_names_the_regression_the_fix_and_the_metric_changes() {
    String html = render();

    String compared = html.substring(html.indexOf("<section id=\"comparison\">"));
    assertThat(compared)
        .contains("Regressions (passed before, fail now) · 1")
        .contains("Fixes (failed before, pass now) · 1");
    RunMetrics before = MetricsCalculator.compute(baseline);
    RunMetrics after = MetricsCalculator.compute(candidate);
    assertThat(html)
        .contains(RunFigures.points(after.turnAccuracy() - before.turnAccuracy()))
        .contains(RunFigures.percent(after.turnAccuracy()));
  }

  private static Set<String> tagsOf(String html) {
    var tags = new TreeSet<String>();
    Matcher tag = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)").matcher(html);
    while (tag.find()) {
      tags.add(tag.group(1).toLowerCase());
    }
    tags.remove("!doctype");
    return tags;
  }

  private static Set<String> attributesOf(String html) {
    var names = new TreeSet<String>();
    Matcher tag = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
    while (tag.find()) {
      Matcher attribute = Pattern.compile("\\s([a-zA-Z-]+)=\"[^\"]*\"").matcher(tag.group());
      while (attribute.find()) {
        names.add(attribute.group(1).toLowerCase());
      }
    }
    return names;
  }

  private RegressionRun run(String id, TurnResult... results) {
    return new RegressionRun(
        id,
        "s1",
        suite.name(),
        new EngineIdentity(
            "llama.cpp", "tiny" + SCRIPT + ".gguf", "", PromptProfile.ARCHGW_V1, Map.of()),
        Instant.parse(id.equals("run-1") ? "2026-01-01T10:00:00Z" : "2026-01-02T10:00:00Z"),
        1_500,
        RunStatus.COMPLETED,
        "",
        List.of(results));
  }

  private static TurnResult turn(
      String caseId,
      String caseName,
      int turn,
      int message,
      String expected,
      String actual,
      String raw) {
    return new TurnResult(
        caseId,
        caseName,
        turn,
        message,
        expected,
        actual,
        actual.equals("other") ? DecisionOutcome.OTHER : DecisionOutcome.MATCHED,
        raw,
        42,
        100,
        0,
        List.of());
  }
}
