package io.routebench.app.validation;

import io.routebench.app.taxonomy.NodeLocation;
import io.routebench.app.taxonomy.NodeMark;
import io.routebench.app.taxonomy.NodeRef;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.Severity;
import io.routebench.core.validation.ValidationIssue;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Live validation: the document is re-checked on every change (the validator is pure and takes well
 * under a millisecond for a realistic taxonomy, so it runs on the UI thread) and each issue knows
 * which node or target it is about.
 */
public final class ValidationViewModel {

  private static final Pattern TARGET_PATH = Pattern.compile("^targets\\[(\\d+)].*");

  private final ObservableList<IssueRow> issues = FXCollections.observableArrayList();

  /**
   * One read-only view for every caller: such a view passes changes on only while it is reachable,
   * so a fresh one per call would lose its listeners to the garbage collector.
   */
  private final ObservableList<IssueRow> issuesView =
      FXCollections.unmodifiableObservableList(issues);

  private final ReadOnlyIntegerWrapper errorCount = new ReadOnlyIntegerWrapper(this, "errorCount");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
  private final ReadOnlyObjectWrapper<Map<NodeRef, NodeMark>> nodeMarks =
      new ReadOnlyObjectWrapper<>(this, "nodeMarks", Map.of());

  public ValidationViewModel(ReadOnlyObjectProperty<PolicyDocument> document) {
    document.addListener((obs, old, now) -> validate(now));
    validate(document.get());
  }

  public ObservableList<IssueRow> issues() {
    return issuesView;
  }

  public ReadOnlyIntegerProperty errorCountProperty() {
    return errorCount.getReadOnlyProperty();
  }

  /** The taxonomy nodes that have problems, each with its worst severity and the problems. */
  public ReadOnlyObjectProperty<Map<NodeRef, NodeMark>> nodeMarksProperty() {
    return nodeMarks.getReadOnlyProperty();
  }

  /** "No problems", "2 errors, 1 warning", … */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  private void validate(PolicyDocument document) {
    ValidationReport report = PolicyValidator.validate(document);
    List<IssueRow> rows = report.issues().stream().map(issue -> toRow(document, issue)).toList();
    if (!rows.equals(issues)) {
      issues.setAll(rows);
    }
    int errors = report.errors().size();
    int warnings = report.warnings().size();
    errorCount.set(errors);
    summary.set(summarize(errors, warnings));
    nodeMarks.set(marks(rows));
  }

  private static Map<NodeRef, NodeMark> marks(List<IssueRow> rows) {
    var byNode = new LinkedHashMap<NodeRef, List<IssueRow>>();
    for (IssueRow row : rows) {
      if (row.target() instanceof IssueTarget.Node node) {
        byNode.computeIfAbsent(node.node(), n -> new ArrayList<>()).add(row);
      }
    }
    var marks = new LinkedHashMap<NodeRef, NodeMark>();
    byNode.forEach(
        (node, issues) ->
            marks.put(
                node,
                new NodeMark(
                    issues.stream().anyMatch(i -> i.severity() == Severity.ERROR)
                        ? Severity.ERROR
                        : Severity.WARNING,
                    issues.stream()
                        .map(i -> i.place() + ": " + i.message())
                        .collect(Collectors.joining("\n")))));
    return Map.copyOf(marks);
  }

  static String summarize(int errors, int warnings) {
    if (errors == 0 && warnings == 0) {
      return "No problems";
    }
    var parts = new java.util.ArrayList<String>();
    if (errors > 0) {
      parts.add(errors + (errors == 1 ? " error" : " errors"));
    }
    if (warnings > 0) {
      parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
    }
    return String.join(", ", parts);
  }

  private static IssueRow toRow(PolicyDocument document, ValidationIssue issue) {
    return new IssueRow(
        issue.severity(),
        IssuePlaces.describe(document, issue.path()),
        issue.path(),
        IssuePlaces.inWords(document, issue.message()),
        targetOf(document, issue.path()));
  }

  private static final String ROUTER_PATH = "router";

  private static IssueTarget targetOf(PolicyDocument document, String path) {
    var node = NodeLocation.nodeAtPath(document.taxonomy(), path);
    if (node.isPresent()) {
      return new IssueTarget.Node(node.get());
    }
    Matcher target = TARGET_PATH.matcher(path);
    if (target.matches()) {
      int index = Integer.parseInt(target.group(1));
      if (index < document.targets().size()) {
        return new IssueTarget.TargetRow(index);
      }
    }
    if (path.startsWith("targets")) {
      return new IssueTarget.TargetList();
    }
    if (path.startsWith("domains")) {
      return new IssueTarget.WholeTaxonomy();
    }
    if (path.startsWith(ROUTER_PATH)) {
      return new IssueTarget.ProxySettings();
    }
    return new IssueTarget.Elsewhere();
  }

  /** Whether any issue is an error (the export refuses those). */
  public boolean hasErrors() {
    return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
  }
}
