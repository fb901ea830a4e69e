package io.routebench.core.validation;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a policy document against everything the proxy rejects and everything that would make the
 * router's job needlessly hard, reporting every problem at once in document order: targets first,
 * then the self-hosted router, then the taxonomy.
 *
 * <p>Paths follow the policy document's keys, so they can be located in a {@code *.policy.yaml}: a
 * route name the user overrode is {@code domains[1].actions[0].route} (or {@code
 * domains[1].policy.route} for a coarse domain route), a route name derived from the node's name is
 * {@code domains[1].actions[0].name}.
 */
public final class PolicyValidator {

  /** Descriptions longer than this are warned about: they cost prompt tokens on every request. */
  public static final int LONG_DESCRIPTION = 500;

  private static final Pattern MODEL_ID = Pattern.compile("[^/\\s]+/\\S+");
  private static final Pattern ENV_REFERENCE =
      Pattern.compile("\\$(\\{[A-Za-z_][A-Za-z0-9_]*}|[A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");
  private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");

  /** What the exporter names the router's provider entry when the user left the name out. */
  private static final String DEFAULT_ROUTER_PROVIDER = "arch-router";

  private final List<ValidationIssue> issues = new ArrayList<>();
  private final Set<String> declaredModels = new HashSet<>();
  private final Map<String, List<String>> routeNodesByName = new HashMap<>();
  private final Map<String, String> routeNodeByDescription = new HashMap<>();

  private PolicyValidator() {}

  public static ValidationReport validate(PolicyDocument document) {
    var validator = new PolicyValidator();
    validator.checkTargets(document);
    validator.checkRouter(document);
    validator.checkTaxonomy(document.taxonomy());
    validator.checkSecrets(document);
    return new ValidationReport(validator.issues);
  }

  private void checkTargets(PolicyDocument document) {
    List<ModelTarget> targets = document.targets();
    Set<String> usedModels = new HashSet<>();
    for (RoutingPolicy policy : document.taxonomy().policies()) {
      usedModels.addAll(policy.modelsInPreferenceOrder());
    }
    var firstIndexByModel = new HashMap<String, Integer>();
    int defaults = 0;
    for (int i = 0; i < targets.size(); i++) {
      ModelTarget target = targets.get(i);
      String path = "targets[" + i + "]";
      declaredModels.add(target.model());
      if (!MODEL_ID.matcher(target.model()).matches()) {
        error(
            path + ".model",
            "model \""
                + target.model()
                + "\" must be written as provider/model-id, e.g. openai/gpt-4o");
      }
      Integer earlier = firstIndexByModel.putIfAbsent(target.model(), i);
      if (earlier != null) {
        error(
            path + ".model",
            "model \""
                + target.model()
                + "\" is also targets["
                + earlier
                + "]; the proxy rejects duplicate models");
      }
      checkAccessKey(path + ".access_key", target.accessKeyRef());
      if (target.isDefault()) {
        defaults++;
      } else if (!usedModels.contains(target.model())) {
        warning(path, "target \"" + target.model() + "\" is not used by any route");
      }
    }
    if (targets.isEmpty()) {
      error("targets", "there are no model targets; add at least the default one");
    } else if (defaults == 0) {
      error(
          "targets", "no target is the default; requests that match no route (\"other\") need one");
    } else if (defaults > 1) {
      error("targets", defaults + " targets are marked default; exactly one may be");
    }
  }

  private void checkAccessKey(String path, String key) {
    if (key == null || key.isEmpty() || ENV_REFERENCE.matcher(key).matches()) {
      return;
    }
    if (ENV_NAME.matcher(key).matches()) {
      // Looks like a variable name missing its '$': safe to quote, and the fix is obvious.
      error(
          path,
          "\""
              + key
              + "\" is not an environment reference; write it as $"
              + key
              + " (RouteBench never stores secrets)");
      return;
    }
    // Never echo the value: it may well be a real key.
    String kind = SecretDetector.find(key).map(found -> " (" + found + ")").orElse("");
    error(
        path,
        LITERAL_KEY_MESSAGE
            + kind
            + "; write it as an environment reference such as"
            + " $OPENAI_API_KEY; RouteBench never stores secrets");
  }

  /**
   * Secrets outside access_key: a password in a base URL, an api_key or Authorization header among
   * the kept extras, a key pasted into a description. Each is an error (export would write it out
   * and the workspace would keep it), and the message never quotes the value.
   */
  private void checkSecrets(PolicyDocument document) {
    List<ModelTarget> targets = document.targets();
    for (int i = 0; i < targets.size(); i++) {
      ModelTarget target = targets.get(i);
      String path = "targets[" + i + "]";
      secretIn(path + ".base_url", target.baseUrl());
      secretIn(path + ".name", target.displayName());
      secretIn(path + ".model", target.model());
      for (SecretDetector.Finding found : SecretDetector.inJson(path, target.extrasJson())) {
        secretError(found.path(), found.kind());
      }
    }
    SelfHostedRouter router = document.selfHostedRouter();
    if (router != null) {
      secretIn("router.base_url", router.baseUrl());
      secretIn("router.model", router.model());
    }
    for (SecretDetector.Finding found :
        SecretDetector.inJson("", document.proxyExtras().topLevelJson())) {
      secretError(found.path(), found.kind());
    }
    for (Route route : Route.collect(document.taxonomy())) {
      secretIn(route.nodePath() + ".description", route.description());
      secretIn(route.namePath(), route.name());
    }
  }

  /** Whether an issue is a literal secret: never stored, whatever the user asks. */
  public static boolean isSecret(ValidationIssue issue) {
    return issue.message().startsWith(SECRET_MESSAGE)
        || issue.message().startsWith(LITERAL_KEY_MESSAGE);
  }

  static final String SECRET_MESSAGE = "holds a literal secret";
  private static final String LITERAL_KEY_MESSAGE = "looks like a literal secret";

  private void secretIn(String path, String text) {
    SecretDetector.find(text).ifPresent(kind -> secretError(path, kind));
  }

  private void secretError(String path, String kind) {
    error(path, SECRET_MESSAGE + " (" + kind + "); " + SecretDetector.ADVICE);
  }

  /** The self-hosted router becomes one more provider entry, so it must be one the proxy takes. */
  private void checkRouter(PolicyDocument document) {
    SelfHostedRouter router = document.selfHostedRouter();
    if (router == null) {
      return;
    }
    if (router.model() == null || router.model().isBlank()) {
      error(
          "router.model",
          "the self-hosted router needs a model, e.g. hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M");
    } else if (!NO_WHITESPACE.matcher(router.model()).matches()) {
      error("router.model", "the router model \"" + router.model() + "\" must not contain spaces");
    }
    if (router.baseUrl() != null && !HTTP_URL.matcher(router.baseUrl()).matches()) {
      error(
          "router.base_url",
          "\""
              + router.baseUrl()
              + "\" is not an http:// or https:// URL, e.g. http://localhost:11434");
    }
    String providerName =
        router.providerName() != null ? router.providerName() : DEFAULT_ROUTER_PROVIDER;
    for (ModelTarget target : document.targets()) {
      if (providerName.equals(target.displayName())) {
        error(
            "router.provider_name",
            "provider name \""
                + providerName
                + "\" is also the display name of target "
                + target.model()
                + "; the proxy needs every provider name to be different");
      }
    }
  }

  private void checkTaxonomy(Taxonomy taxonomy) {
    List<Route> routes = Route.collect(taxonomy);
    for (Route route : routes) {
      if (!route.name().isEmpty()) {
        routeNodesByName
            .computeIfAbsent(route.name(), name -> new ArrayList<>())
            .add(route.nodePath());
      }
    }
    var routeByNode = new LinkedHashMap<String, Route>();
    routes.forEach(route -> routeByNode.put(route.nodePath(), route));

    var firstIndexByDomainName = new HashMap<String, Integer>();
    List<Domain> domains = taxonomy.domains();
    for (int d = 0; d < domains.size(); d++) {
      Domain domain = domains.get(d);
      String path = "domains[" + d + "]";
      if (domain.name().isBlank()) {
        error(path + ".name", "domain name is empty");
      } else {
        Integer earlier = firstIndexByDomainName.putIfAbsent(domain.name(), d);
        if (earlier != null) {
          warning(
              path + ".name",
              "domain \"" + domain.name() + "\" also appears at domains[" + earlier + "]");
        }
      }
      if (domain.isCoarsePolicy()) {
        checkRoute(routeByNode.get(path));
      } else if (domain.actions().isEmpty()) {
        warning(
            path,
            "domain \""
                + domain.name()
                + "\" has no actions and is not a route itself, so the router never sees it");
      }
      var firstIndexByActionName = new HashMap<String, Integer>();
      for (int a = 0; a < domain.actions().size(); a++) {
        Action action = domain.actions().get(a);
        String actionPath = path + ".actions[" + a + "]";
        if (action.name().isBlank()) {
          error(actionPath + ".name", "action name is empty");
        } else {
          Integer earlier = firstIndexByActionName.putIfAbsent(action.name(), a);
          if (earlier != null) {
            error(
                actionPath + ".name",
                "action \""
                    + action.name()
                    + "\" also appears at "
                    + path
                    + ".actions["
                    + earlier
                    + "]");
          }
        }
        checkRoute(routeByNode.get(actionPath));
      }
    }
    if (routes.isEmpty()) {
      warning("domains", "there are no routes yet; every request would go to the default target");
    }
  }

  private void checkRoute(Route route) {
    checkRouteName(route);
    checkDescription(route);
    checkSettings(route.settingsPath(), route.settings());
  }

  private void checkRouteName(Route route) {
    if (!route.overridden() && route.name().isBlank()) {
      return; // already reported as an empty domain or action name
    }
    RouteNameRules.problemWith(route.name()).ifPresent(problem -> error(route.namePath(), problem));
    List<String> sharing = routeNodesByName.getOrDefault(route.name(), List.of());
    if (sharing.size() > 1) {
      List<String> others = sharing.stream().filter(p -> !p.equals(route.nodePath())).toList();
      error(
          route.namePath(),
          "route name \""
              + route.name()
              + "\" is also used by "
              + String.join(", ", others)
              + "; the proxy rejects duplicate route names");
    }
  }

  private void checkDescription(Route route) {
    String path = route.nodePath() + ".description";
    String description = route.description();
    if (description.isBlank()) {
      error(path, "the route has no description; the router chooses routes by their descriptions");
      return;
    }
    if (description.length() > LONG_DESCRIPTION) {
      warning(
          path,
          "description is "
              + description.length()
              + " characters long (over "
              + LONG_DESCRIPTION
              + "); every request pays for it in prompt tokens");
    }
    String twin = routeNodeByDescription.putIfAbsent(normalise(description), route.nodePath());
    if (twin != null) {
      warning(
          path,
          "description is nearly identical to that of "
              + twin
              + "; the router cannot tell the two routes apart");
    }
  }

  private void checkSettings(String path, PolicySettings settings) {
    String target = settings.targetModel();
    if (target == null || target.isBlank()) {
      error(path + ".target", "the route has no target model");
    } else if (!declaredModels.contains(target)) {
      error(
          path + ".target",
          "target \"" + target + "\" is not one of the workspace's model targets");
    }
    for (int f = 0; f < settings.fallbackModels().size(); f++) {
      String fallback = settings.fallbackModels().get(f);
      String fallbackPath = path + ".fallbacks[" + f + "]";
      if (!declaredModels.contains(fallback)) {
        error(
            fallbackPath,
            "fallback \"" + fallback + "\" is not one of the workspace's model targets");
      } else if (fallback.equals(target)) {
        warning(fallbackPath, "fallback \"" + fallback + "\" is already the target");
      }
    }
  }

  /**
   * Lower-cased, punctuation and symbols dropped, whitespace collapsed. One pass over the text: two
   * regular-expression replacements per description were a large share of validating twenty
   * thousand routes.
   */
  static String normalise(String description) {
    String lower = description.toLowerCase(Locale.ROOT);
    var words = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (isSeparator(c)) {
        gap = true;
        continue;
      }
      if (gap && !words.isEmpty()) {
        words.append(' ');
      }
      gap = false;
      words.appendCodePoint(c);
    }
    return words.toString();
  }

  /** Punctuation, a symbol or white space (in Unicode's sense, no-break spaces included). */
  private static boolean isSeparator(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  private void error(String path, String message) {
    issues.add(ValidationIssue.error(path, message));
  }

  private void warning(String path, String message) {
    issues.add(ValidationIssue.warning(path, message));
  }

  /**
   * One routable node with the paths its parts live at.
   *
   * @param nodePath the domain or action ({@code domains[1]}, {@code domains[1].actions[0]})
   * @param settingsPath where target and fallbacks live ({@code domains[1].policy} for a domain)
   * @param overridden whether the route name is set explicitly rather than taken from the name
   */
  private record Route(
      String nodePath,
      String settingsPath,
      String name,
      boolean overridden,
      String description,
      PolicySettings settings) {

    String namePath() {
      return overridden ? settingsPath + ".route" : nodePath + ".name";
    }

    /** The taxonomy's routes in taxonomy order, the same order as {@link Taxonomy#policies()}. */
    static List<Route> collect(Taxonomy taxonomy) {
      var routes = new ArrayList<Route>();
      List<Domain> domains = taxonomy.domains();
      for (int d = 0; d < domains.size(); d++) {
        Domain domain = domains.get(d);
        String path = "domains[" + d + "]";
        if (domain.isCoarsePolicy()) {
          routes.add(
              of(
                  path,
                  path + ".policy",
                  domain.name(),
                  domain.description(),
                  domain.coarsePolicy()));
        }
        for (int a = 0; a < domain.actions().size(); a++) {
          Action action = domain.actions().get(a);
          String actionPath = path + ".actions[" + a + "]";
          routes.add(
              of(actionPath, actionPath, action.name(), action.description(), action.policy()));
        }
      }
      return routes;
    }

    private static Route of(
        String nodePath,
        String settingsPath,
        String nodeName,
        String description,
        PolicySettings settings) {
      return new Route(
          nodePath,
          settingsPath,
          Taxonomy.derivedRouteName(nodeName, settings),
          settings.routeNameOverride() != null,
          description,
          settings);
    }
  }
}
