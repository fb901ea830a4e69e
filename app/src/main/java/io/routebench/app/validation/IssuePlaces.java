package io.routebench.app.validation;

import io.routebench.core.taxonomy.Domain;
import io.routebench.core.workspace.PolicyDocument;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a validator key path into words a user recognises: node and target names instead of
 * indices, field labels as the forms show them.
 */
public final class IssuePlaces {

  private static final Pattern NODE =
      Pattern.compile("^domains\\[(\\d+)](?:\\.actions\\[(\\d+)])?(?:\\.(.+))?$");
  private static final Pattern TARGET = Pattern.compile("^targets\\[(\\d+)](?:\\.(.+))?$");
  private static final Pattern FALLBACK = Pattern.compile("^fallbacks\\[(\\d+)]$");
  private static final Map<String, String> FIELD_LABELS =
      Map.of(
          "name", "name",
          "description", "description",
          "route", "route name",
          "target", "target model",
          "fallbacks", "fallbacks",
          "prefer", "selection",
          "model", "model",
          "access_key", "access key",
          "base_url", "base URL",
          "provider_name", "provider name");

  /** A node's key path inside a validator's message ("also used by domains[2].actions[0]"). */
  private static final Pattern NODE_IN_TEXT =
      Pattern.compile("\\bdomains\\[(\\d+)](?:\\.actions\\[(\\d+)])?");

  private IssuePlaces() {}

  /**
   * A validator's message with the key paths of nodes it mentions put in words: {@code
   * domains[0].actions[2]} becomes action “debugging” in domain “coding”. A path to a node that
   * does not exist stays as it is.
   */
  public static String inWords(PolicyDocument document, String message) {
    Matcher path = NODE_IN_TEXT.matcher(message);
    var words = new StringBuilder();
    while (path.find()) {
      path.appendReplacement(words, Matcher.quoteReplacement(nodeInWords(document, path)));
    }
    path.appendTail(words);
    return words.toString();
  }

  private static String nodeInWords(PolicyDocument document, Matcher path) {
    int d = Integer.parseInt(path.group(1));
    if (d >= document.taxonomy().domains().size()) {
      return path.group();
    }
    Domain domain = document.taxonomy().domains().get(d);
    String inDomain = "domain “" + nameOf(domain.name()) + "”";
    if (path.group(2) == null) {
      return inDomain;
    }
    int a = Integer.parseInt(path.group(2));
    if (a >= domain.actions().size()) {
      return path.group();
    }
    return "action “" + nameOf(domain.actions().get(a).name()) + "” in " + inDomain;
  }

  public static String describe(PolicyDocument document, String path) {
    Matcher node = NODE.matcher(path);
    if (node.matches()) {
      return describeNode(document, node);
    }
    Matcher target = TARGET.matcher(path);
    if (target.matches()) {
      int index = Integer.parseInt(target.group(1));
      String name =
          index < document.targets().size()
              ? "target " + document.targets().get(index).model()
              : "target " + (index + 1);
      return withField(name, target.group(2));
    }
    if (path.equals("targets")) {
      return "Targets";
    }
    if (path.startsWith("router.")) {
      return withField("Self-hosted router", path.substring("router.".length()));
    }
    if (path.equals("domains")) {
      return "Taxonomy";
    }
    return path;
  }

  private static String describeNode(PolicyDocument document, Matcher node) {
    int d = Integer.parseInt(node.group(1));
    if (d >= document.taxonomy().domains().size()) {
      return node.group();
    }
    Domain domain = document.taxonomy().domains().get(d);
    String place = nameOf(domain.name());
    if (node.group(2) != null) {
      int a = Integer.parseInt(node.group(2));
      if (a < domain.actions().size()) {
        place += " › " + nameOf(domain.actions().get(a).name());
      }
    }
    return withField(place, node.group(3));
  }

  private static String withField(String place, String field) {
    if (field == null) {
      return place;
    }
    // A domain's own route settings sit under "policy"; the form shows them as plain fields.
    String key = field.startsWith("policy.") ? field.substring("policy.".length()) : field;
    Matcher fallback = FALLBACK.matcher(key);
    if (fallback.matches()) {
      return place + " · fallback " + (Integer.parseInt(fallback.group(1)) + 1);
    }
    return place + " · " + FIELD_LABELS.getOrDefault(key, key);
  }

  private static String nameOf(String name) {
    return name.isBlank() ? "(unnamed)" : name;
  }
}
