package io.routebench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * How {@code validate} writes what it found: for people (stderr, as compilers do), as JSON for
 * scripts, or as GitHub Actions workflow commands, which put each problem on the pull request's
 * line.
 */
enum ValidationOutput {
  text,
  json,
  github;

  /**
   * @param file the file as the user named it (GitHub matches it against the repository's paths)
   * @param verdict the closing line, e.g. {@code p.policy.yaml: valid (12 routes, ...)}
   */
  void write(
      PrintWriter out,
      PrintWriter err,
      String file,
      List<ValidationFinding> findings,
      boolean valid,
      String verdict) {
    switch (this) {
      case text -> {
        findings.forEach(finding -> err.println(textLine(finding)));
        (valid ? out : err).println(verdict);
      }
      case json -> out.println(json(file, findings, valid));
      case github -> {
        findings.forEach(finding -> out.println(githubLine(file, finding)));
        (valid ? out : err).println(verdict);
      }
    }
    out.flush();
    err.flush();
  }

  /** {@code p.policy.yaml:5:7: error: targets[0].default: must be true or false}. */
  static String textLine(ValidationFinding finding) {
    var line = new StringBuilder(finding.source());
    if (finding.line() > 0) {
      line.append(':').append(finding.line());
      if (finding.column() > 0) {
        line.append(':').append(finding.column());
      }
    }
    line.append(": ").append(finding.severityWord()).append(": ");
    if (!finding.path().isEmpty()) {
      line.append(finding.path()).append(": ");
    }
    return line.append(finding.message()).toString();
  }

  private static String json(String file, List<ValidationFinding> findings, boolean valid) {
    var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("file", file);
    root.put("valid", valid);
    root.put("errors", findings.stream().filter(ValidationFinding::isError).count());
    root.put("warnings", findings.stream().filter(f -> !f.isError()).count());
    ArrayNode problems = root.putArray("problems");
    for (ValidationFinding finding : findings) {
      ObjectNode problem = problems.addObject();
      problem.put("file", file);
      putPositive(problem, "line", finding.line());
      putPositive(problem, "column", finding.column());
      problem.put("severity", finding.severityWord());
      problem.put("path", finding.path().isEmpty() ? null : finding.path());
      problem.put("source", finding.source());
      problem.put("message", finding.message());
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putPositive(ObjectNode node, String field, int value) {
    if (value > 0) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  /**
   * {@code ::error file=p.yaml,line=5,col=7,title=RouteBench validate::targets[0].default: ...}, as
   * GitHub's workflow-command syntax escapes it (properties also escape {@code :} and {@code ,}).
   */
  static String githubLine(String file, ValidationFinding finding) {
    var line = new StringBuilder("::").append(finding.severityWord()).append(" file=");
    line.append(escapeProperty(file));
    if (finding.line() > 0) {
      line.append(",line=").append(finding.line());
      if (finding.column() > 0) {
        line.append(",col=").append(finding.column());
      }
    }
    line.append(",title=").append(escapeProperty("RouteBench validate"));
    String message =
        (finding.path().isEmpty() ? "" : finding.path() + ": ")
            + finding.message()
            + (finding.source().equals(fileName(file)) ? "" : " (" + finding.source() + ")");
    return line.append("::").append(escapeData(message)).toString();
  }

  private static String fileName(String file) {
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(slash + 1);
  }

  private static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String text) {
    return escapeData(text).replace(":", "%3A").replace(",", "%2C");
  }
}
