package io.routebench.app.transfer;

import io.routebench.app.validation.IssuePlaces;
import io.routebench.core.config.ImportChanges;
import io.routebench.core.config.ImportChanges.Change;
import io.routebench.core.config.ImportChanges.Kind;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.SecretDetector;
import io.routebench.core.validation.ValidationIssue;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/** The import preview's words: {@link ImportChanges} as the lines a person reads. */
final class ImportChangeLines {

  /** How a line is shown. */
  enum Tone {
    ADDED("import-added"),
    REMOVED("import-removed"),
    CHANGED("import-changed"),
    PLAIN("import-plain"),
    ERROR("export-blocked"),
    WARNING("export-warned");

    final String styleClass;

    Tone(String styleClass) {
      this.styleClass = styleClass;
    }
  }

  record Line(String text, Tone tone) {}

  private ImportChangeLines() {}

  /** One sentence: how much changes and whether the file has problems. */
  static String summary(String fileName, ImportChanges changes) {
    if (changes.changesNothing()) {
      return fileName + " holds the policies as they are: importing it changes nothing.";
    }
    var parts = new ArrayList<String>();
    String routes = counts(changes.routes());
    if (!routes.isEmpty()) {
      parts.add("routes: " + routes);
    }
    String targets = counts(changes.targets());
    if (!targets.isEmpty()) {
      parts.add("targets: " + targets);
    }
    if (!changes.settings().isEmpty()) {
      parts.add(count(changes.settings().size(), "setting") + " changed");
    }
    return "Importing "
        + fileName
        + " replaces the policies ("
        + String.join("; ", parts)
        + "). Undo puts the current ones back.";
  }

  static List<Line> changes(List<Change> changes) {
    return changes.stream().map(ImportChangeLines::line).toList();
  }

  static List<Line> settings(ImportChanges changes) {
    return changes.settings().stream()
        .map(d -> new Line(ImportChanges.describe(d), Tone.CHANGED))
        .toList();
  }

  /**
   * The domains the imported policies group their routes in, each with its routes; a credential in
   * a name is shown masked, as in every line of the preview.
   */
  static List<Line> domains(PolicyDocument imported) {
    return imported.taxonomy().domains().stream()
        .map(
            domain ->
                new Line(
                    SecretDetector.redact(domain.name())
                        + (domain.isCoarsePolicy() ? " (a route itself)" : "")
                        + (domain.actions().isEmpty()
                            ? ""
                            : " — "
                                + String.join(
                                    ", ",
                                    domain.actions().stream()
                                        .map(Action::name)
                                        .map(SecretDetector::redact)
                                        .toList())),
                    Tone.PLAIN))
        .toList();
  }

  /** Secrets first (they refuse the import), then the other errors, then warnings. */
  static List<Line> problems(ImportChanges changes, PolicyDocument imported) {
    var lines = new ArrayList<Line>();
    for (ValidationIssue secret : changes.secrets()) {
      lines.add(new Line(issue(imported, secret), Tone.ERROR));
    }
    for (ValidationIssue error : changes.validation().errors()) {
      if (!PolicyValidator.isSecret(error)) {
        lines.add(new Line(issue(imported, error), Tone.ERROR));
      }
    }
    for (ValidationIssue warning : changes.validation().warnings()) {
      lines.add(new Line(issue(imported, warning), Tone.WARNING));
    }
    for (String warning : changes.importWarnings()) {
      lines.add(new Line(warning, Tone.WARNING));
    }
    return lines;
  }

  /** Why Import is refused, or {@code null} when it is not. */
  static String refusal(ImportChanges changes) {
    int secrets = changes.secrets().size();
    if (secrets == 0) {
      return null;
    }
    return "Cannot import: the file holds "
        + count(secrets, "literal secret")
        + ". RouteBench never stores secrets: replace each with an environment reference such as"
        + " $OPENAI_API_KEY, which the proxy reads at run time.";
  }

  private static Line line(Change change) {
    Tone tone =
        switch (change.kind()) {
          case ADDED -> Tone.ADDED;
          case REMOVED -> Tone.REMOVED;
          case CHANGED -> Tone.CHANGED;
        };
    return new Line(ImportChanges.describe(change), tone);
  }

  private static String issue(PolicyDocument imported, ValidationIssue issue) {
    // A secret in a route name would otherwise be shown as the place of its own error.
    return SecretDetector.redact(IssuePlaces.describe(imported, issue.path()))
        + ": "
        + issue.message();
  }

  private static String counts(List<Change> changes) {
    var parts = new ArrayList<String>();
    for (Kind kind : Kind.values()) {
      long n = ImportChanges.count(changes, kind);
      if (n > 0) {
        parts.add(n + " " + kind.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return String.join(", ", parts);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
