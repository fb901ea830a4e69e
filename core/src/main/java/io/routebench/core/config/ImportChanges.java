package io.routebench.core.config;

import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.SecretDetector;
import io.routebench.core.validation.ValidationIssue;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What importing a file would change in the open policies, before anything is replaced: routes and
 * targets added, removed or changed (each change old → new), the proxy settings that differ, and
 * what validation and the import itself say about the imported policies.
 *
 * @param routes by route name: the current document's order, then the routes the import adds
 * @param targets by model, in the same way
 * @param settings the document-wide values that differ (profile, self-hosted router, proxy config)
 * @param validation the imported policies' validation, as {@code routebench validate} reports it
 * @param importWarnings what the import noticed (comments lost, no default provider, ...)
 */
public record ImportChanges(
    List<Change> routes,
    List<Change> targets,
    List<Difference> settings,
    ValidationReport validation,
    List<String> importWarnings) {

  /** What happens to one route or target. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One route or target that the import adds, removes or changes.
   *
   * @param name the route name or the target's model
   * @param differences for {@link Kind#CHANGED}, what differs; for an added one, its values; empty
   *     for a removed one
   */
  public record Change(Kind kind, String name, List<Difference> differences) {
    public Change {
      differences = List.copyOf(differences);
    }
  }

  /**
   * A value before and after the import; {@code null} where there is none.
   *
   * @param field what the value is, in words ({@code description}, {@code target})
   */
  public record Difference(String field, String before, String after) {}

  private static final String OTHER_KEYS = "proxy config's other keys";

  public ImportChanges {
    routes = List.copyOf(routes);
    targets = List.copyOf(targets);
    settings = List.copyOf(settings);
    importWarnings = List.copyOf(importWarnings);
  }

  /** Compares the open policies with those read from a file. */
  public static ImportChanges between(PolicyDocument current, ImportedPolicies imported) {
    return between(current, imported.document(), imported.warnings());
  }

  /**
   * @param importWarnings what reading {@code next} noticed
   */
  public static ImportChanges between(
      PolicyDocument current, PolicyDocument next, List<String> importWarnings) {
    return new ImportChanges(
        changes(
            current.taxonomy().policies(),
            next.taxonomy().policies(),
            RoutingPolicy::routeName,
            ImportChanges::routeFields),
        changes(current.targets(), next.targets(), ModelTarget::model, ImportChanges::targetFields),
        settings(current, next),
        PolicyValidator.validate(next),
        importWarnings);
  }

  /** Whether the import would leave the policies as they are. */
  public boolean changesNothing() {
    return routes.isEmpty() && targets.isEmpty() && settings.isEmpty();
  }

  /**
   * Literal secrets in the file: RouteBench never stores one, so such an import is refused whatever
   * else it changes (as {@code routebench import} refuses it).
   */
  public List<ValidationIssue> secrets() {
    return validation.errors().stream().filter(PolicyValidator::isSecret).toList();
  }

  /**
   * Every change in one line each, routes first, then targets, then settings ({@code route −
   * debugging}, {@code setting prompt profile “archgw-v1” → “plano-v1”}): what the CLI prints.
   */
  public List<String> lines() {
    var lines = new ArrayList<String>();
    routes.forEach(change -> lines.add("route " + describe(change)));
    targets.forEach(change -> lines.add("target " + describe(change)));
    settings.forEach(difference -> lines.add("setting " + describe(difference)));
    return lines;
  }

  /**
   * One change in words: {@code + name — field “value”; …} for an addition, {@code − name} for a
   * removal, {@code ~ name — field “old” → “new”; …} for a change.
   */
  public static String describe(Change change) {
    return switch (change.kind()) {
      case ADDED ->
          "+ "
              + change.name()
              + (change.differences().isEmpty()
                  ? ""
                  : " — "
                      + change.differences().stream()
                          .map(d -> d.field() + " " + quoted(d.after()))
                          .collect(Collectors.joining("; ")));
      case REMOVED -> "− " + change.name();
      case CHANGED ->
          "~ "
              + change.name()
              + " — "
              + change.differences().stream()
                  .map(ImportChanges::describe)
                  .collect(Collectors.joining("; "));
    };
  }

  /** {@code field “old” → “new”}, {@code (none)} standing for a missing value. */
  public static String describe(Difference difference) {
    return difference.field()
        + " "
        + quoted(difference.before())
        + " → "
        + quoted(difference.after());
  }

  private static String quoted(String value) {
    return value == null ? "(none)" : "“" + value + "”";
  }

  public static long count(List<Change> changes, Kind kind) {
    return changes.stream().filter(change -> change.kind() == kind).count();
  }

  private static <T> List<Change> changes(
      List<T> before,
      List<T> after,
      Function<T, String> key,
      Function<T, Map<String, String>> fields) {
    Map<String, T> old = byKey(before, key);
    Map<String, T> now = byKey(after, key);
    var result = new ArrayList<Change>();
    old.forEach(
        (name, item) -> {
          T next = now.get(name);
          if (next == null) {
            result.add(new Change(Kind.REMOVED, SecretDetector.redact(name), List.of()));
            return;
          }
          List<Difference> differences = differences(fields.apply(item), fields.apply(next));
          if (!differences.isEmpty()) {
            result.add(new Change(Kind.CHANGED, SecretDetector.redact(name), differences));
          }
        });
    now.forEach(
        (name, item) -> {
          if (!old.containsKey(name)) {
            result.add(
                new Change(
                    Kind.ADDED,
                    SecretDetector.redact(name),
                    differences(Map.of(), fields.apply(item))));
          }
        });
    return result;
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    var map = new LinkedHashMap<String, T>();
    items.forEach(item -> map.putIfAbsent(key.apply(item), item));
    return map;
  }

  /** The fields of {@code after} whose values differ from {@code before}'s, in its order. */
  private static List<Difference> differences(
      Map<String, String> before, Map<String, String> after) {
    var result = new ArrayList<Difference>();
    var fields = new LinkedHashMap<String, Boolean>();
    before.keySet().forEach(field -> fields.put(field, true));
    after.keySet().forEach(field -> fields.put(field, true));
    fields.forEach(
        (field, unused) -> {
          String was = before.get(field);
          String is = after.get(field);
          if (!Objects.equals(was, is)) {
            // Compared as they are, shown masked: a replaced key must not be printed.
            result.add(new Difference(field, masked(field, was), masked(field, is)));
          }
        });
    return result;
  }

  /**
   * A value as it may be shown: an access key that is not an environment reference is hidden whole,
   * extras have the values under secret keys hidden, and any text has the credentials {@link
   * SecretDetector} recognises (key shapes, a URL's password, a bearer token) replaced by {@code
   * ***}. Every place that shows an import's changes (the CLI's list, the workbench's preview)
   * shows these.
   */
  private static String masked(String field, String value) {
    if (value == null) {
      return null;
    }
    return switch (field) {
      case ACCESS_KEY ->
          value.isEmpty() || SecretDetector.isEnvReference(value)
              ? value
              : "*** (a literal secret, not shown)";
      case TARGET_EXTRAS -> SecretDetector.redactJson(value);
      default -> SecretDetector.redact(value);
    };
  }

  private static final String ACCESS_KEY = "access key";
  private static final String TARGET_EXTRAS = "other keys";

  private static Map<String, String> routeFields(RoutingPolicy route) {
    var fields = new LinkedHashMap<String, String>();
    fields.put("description", route.description());
    fields.put("target", route.targetModel());
    fields.put(
        "fallbacks",
        route.fallbackModels().isEmpty() ? null : String.join(", ", route.fallbackModels()));
    // "none" is the default that goes unsaid, as an export leaves selection_policy out for it.
    fields.put(
        "prefer",
        route.preference() == SelectionPreference.NONE ? null : route.preference().wireName());
    return fields;
  }

  private static Map<String, String> targetFields(ModelTarget target) {
    var fields = new LinkedHashMap<String, String>();
    fields.put("name", target.displayName());
    fields.put("base URL", target.baseUrl());
    fields.put(ACCESS_KEY, target.accessKeyRef());
    fields.put("default", target.isDefault() ? "yes" : "no");
    fields.put("provider interface", target.providerInterface());
    fields.put(TARGET_EXTRAS, "{}".equals(target.extrasJson()) ? null : target.extrasJson());
    return fields;
  }

  private static List<Difference> settings(PolicyDocument current, PolicyDocument next) {
    var before = new LinkedHashMap<String, String>();
    var after = new LinkedHashMap<String, String>();
    putSettings(current, before);
    putSettings(next, after);
    String keys = OTHER_KEYS;
    if (after.get(keys) != null
        && after.get(keys).equals(before.get(keys))
        && !current.proxyExtras().topLevelJson().equals(next.proxyExtras().topLevelJson())) {
      // The same keys with other values (another listener port, ...) are a change too.
      after.put(keys, after.get(keys) + " (other values)");
    }
    return differences(before, after);
  }

  private static void putSettings(PolicyDocument document, Map<String, String> fields) {
    fields.put("name", document.name());
    fields.put("prompt profile", document.profile().id());
    SelfHostedRouter router = document.selfHostedRouter();
    fields.put("self-hosted router", router == null ? null : router.model());
    fields.put("router base URL", router == null ? null : router.baseUrl());
    fields.put("router provider name", router == null ? null : router.providerName());
    ProxyConfigExtras extras = document.proxyExtras();
    fields.put(
        "proxy config",
        extras.dialect() == null
            ? null
            : extras.dialect().id() + (extras.version() == null ? "" : " " + extras.version()));
    fields.put(OTHER_KEYS, otherKeys(extras));
  }

  /** The top-level keys an export writes back, named; their values are the file's own. */
  private static String otherKeys(ProxyConfigExtras extras) {
    var names = new ArrayList<String>();
    Yaml.objectFromJson(extras.topLevelJson())
        .properties()
        .forEach(
            field -> {
              if (!field.getValue().isNull()
                  && !field.getKey().equals(ProxyConfigImporter.ROUTER_PROVIDER_KEY)) {
                names.add(field.getKey());
              }
            });
    return names.isEmpty() ? null : String.join(", ", names);
  }
}
