package io.routebench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.collision.CollisionCheck;
import io.routebench.core.collision.CollisionReport;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "collisions",
    mixinStandardHelpOptions = true,
    description =
        "Routes each policy's own description through the router and shows which route"
            + " answered which policy's description: overlapping descriptions show up before"
            + " any test suite exists. Exit 1 when a description lands on another route.")
final class CollisionsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PolicyFileOption policies;

  @Mixin EngineOptions engine;

  @Mixin ProfileOption profile;

  @Mixin JsonOutputOption output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PolicyDocument loaded = policies.load().document();
    PolicyDocument document = loaded.withProfile(profile.orElse(loaded.profile()));
    CollisionReport report;
    try (RouteSelector selector = engine.open(err, document.profile(), document.promptWrapping())) {
      report =
          CollisionCheck.run(
              selector,
              document,
              (index, answer, done, total) -> err.printf("probed %d of %d%n", done, total),
              CancellationToken.none());
    }
    out.println(output.json ? toJson(report) : matrix(report));
    out.flush();
    return report.collisions().isEmpty() ? ExitStatus.OK.code() : ExitStatus.FAILED.code();
  }

  /** Rows: the probed route; columns: the route the router answered; then the collisions. */
  static String matrix(CollisionReport report) {
    List<String> columns = report.columns();
    String corner = "description of \\ answered";
    int first = corner.length();
    for (String row : report.rows()) {
      first = Math.max(first, row.length());
    }
    var text = new StringBuilder(pad(corner, first));
    for (String column : columns) {
      text.append("  ").append(column);
    }
    text.append('\n');
    for (String row : report.rows()) {
      text.append(pad(row, first));
      for (String column : columns) {
        int count = report.count(row, column);
        String cell = count == 0 ? "." : Integer.toString(count);
        text.append("  ").append(pad(cell, column.length()));
      }
      text.append('\n');
    }
    text.append('\n');
    if (report.collisions().isEmpty()) {
      text.append("No collisions: every description was routed to its own route.\n");
    }
    for (CollisionReport.Probe probe : report.collisions()) {
      text.append("collision: the description of \"")
          .append(probe.route())
          .append("\" was routed to \"")
          .append(probe.answeredRoute())
          .append("\" (raw output: ")
          .append(probe.decision().answer().rawOutput())
          .append(")\n");
    }
    for (String route : report.unprobed()) {
      text.append("not probed: \"").append(route).append("\" has no description\n");
    }
    return text.toString().stripTrailing();
  }

  private static String toJson(CollisionReport report) throws IOException {
    var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode node = mapper.createObjectNode();
    ArrayNode routes = node.putArray("routes");
    report.routes().forEach(routes::add);
    ArrayNode probes = node.putArray("probes");
    for (CollisionReport.Probe probe : report.probes()) {
      ObjectNode entry = probes.addObject();
      entry.put("route", probe.route());
      entry.put("text", probe.text());
      entry.put("answered_route", probe.answeredRoute());
      entry.put("outcome", probe.decision().outcome().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("raw_output", probe.decision().answer().rawOutput());
      entry.put("collides", probe.collides());
    }
    ArrayNode unprobed = node.putArray("unprobed");
    report.unprobed().forEach(unprobed::add);
    node.put("collisions", report.collisions().size());
    return mapper.writeValueAsString(node);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
