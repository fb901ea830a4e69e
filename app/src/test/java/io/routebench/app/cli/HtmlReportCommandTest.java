package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code routebench test --html}: the report says what {@code --json} says about the same run. */
class HtmlReportCommandTest {

  @TempDir static Path models;
  @TempDir Path dir;
  private static Path model;

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.answeringRoute(models, "code generation");
  }

  @Test
  void the_html_report_holds_the_same_numbers_as_the_json_report_of_the_run() throws Exception {
    Path workspace = importedWorkspace();
    Path json = dir.resolve("first.json");
    Path html = dir.resolve("first.html");
    test(workspace, "--json", json.toString(), "--html", html.toString());
    Path json2 = dir.resolve("second.json");
    Path html2 = dir.resolve("second.html");

    CliRun second =
        test(
            workspace,
            "--compare-to",
            "previous",
            "--json",
            json2.toString(),
            "--html",
            html2.toString());

    for (Path[] pair : new Path[][] {{json, html}, {json2, html2}}) {
      JsonNode report = new ObjectMapper().readTree(pair[0].toFile());
      String page = Files.readString(pair[1]);
      assertSameNumbers(report, page);
    }
    assertThat(second.out()).contains("compared to run");
    String compared = Files.readString(html2);
    JsonNode secondJson = new ObjectMapper().readTree(json2.toFile());
    assertThat(compared)
        .contains("<section id=\"comparison\">")
        .contains(
            secondJson.at("/comparison/regressions").size()
                + " regressions, "
                + secondJson.at("/comparison/fixes").size()
                + " fixes");
  }

  private static void assertSameNumbers(JsonNode json, String html) {
    String metrics = section(html, "metrics");
    for (Map.Entry<String, String> metric :
        Map.of(
                "overall", "/metrics/overall",
                "turn_accuracy", "/metrics/turn_accuracy",
                "span_accuracy", "/metrics/span_accuracy",
                "conversation_accuracy", "/metrics/conversation_accuracy",
                "irrelevance", "/metrics/irrelevance/accuracy",
                "proxy_errors", "/metrics/proxy_errors",
                "right_outranked", "/metrics/right_outranked")
            .entrySet()) {
      assertThat(firstValue(metrics, metric.getKey()))
          .as(metric.getKey())
          .isEqualTo(json.at(metric.getValue()).asDouble());
    }
    String routes = section(html, "routes");
    JsonNode perRoute = json.at("/metrics/per_route");
    List<String> names = new ArrayList<>();
    perRoute.fieldNames().forEachRemaining(names::add);
    assertThat(names).isNotEmpty();
    for (String route : names) {
      String row = routeRow(routes, route);
      for (String score : List.of("precision", "recall", "f1", "support")) {
        assertThat(firstValue(row, score))
            .as(route + " " + score)
            .isEqualTo(perRoute.get(route).get(score).asDouble());
      }
    }
    long failed = 0;
    for (JsonNode turn : json.get("turns")) {
      failed += turn.get("passed").asBoolean() ? 0 : 1;
    }
    assertThat(section(html, "failed")).contains("Failed turns · " + failed);
    double counted = 0;
    Matcher cell =
        Pattern.compile("data-expected=\"[^\"]*\" data-actual=\"[^\"]*\" data-value=\"(\\d+)\"")
            .matcher(section(html, "confusion"));
    while (cell.find()) {
      counted += Integer.parseInt(cell.group(1));
    }
    assertThat(counted).as("turns in the confusion matrix").isEqualTo(json.get("turns").size());
  }

  private static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section " + id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static String routeRow(String routes, String route) {
    String start = "<tr data-route=\"" + escape(route) + "\">";
    int at = routes.indexOf(start);
    assertThat(at).as("row of " + route).isNotNegative();
    return routes.substring(at, routes.indexOf("</tr>", at));
  }

  private static double firstValue(String html, String metric) {
    Matcher value =
        Pattern.compile("data-metric=\"" + Pattern.quote(metric) + "\" data-value=\"([^\"]+)\"")
            .matcher(html);
    assertThat(value.find()).as(metric).isTrue();
    return Double.parseDouble(value.group(1));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private CliRun test(Path workspace, String... reports) {
    var args =
        new ArrayList<>(
            List.of(
                "test",
                "--workspace",
                workspace.toString(),
                "--suite",
                "smoke",
                "--model",
                model.toString(),
                "--context",
                "4096"));
    args.addAll(List.of(reports));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.err()).doesNotContain("Exception");
    return run;
  }

  private Path importedWorkspace() throws Exception {
    Path workspace = SampleWorkspace.withSmokeSuite(dir, 4);
    return workspace;
  }
}
