package io.routebench.core.validation;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a policy document against everything the proxy rejects and everything that would make the
 * router's job needlessly hard, reporting every problem at once.
 */
public final class PolicyValidator {

  /** Descriptions longer than this are warned about: they cost prompt tokens on every request. */
  public static final int LONG_DESCRIPTION = 500;

  private static final Pattern MODEL_ID = Pattern.compile("[^/\\s]+/\\S+");
  private static final Pattern ENV_REFERENCE =
      Pattern.compile("\\$(\\{[A-Za-z_][A-Za-z0-9_]*}|[A-Za-z_][A-Za-z0-9_]*)");

  private PolicyValidator() {}

  public static ValidationReport validate(PolicyDocument document) {
    var issues = new ArrayList<ValidationIssue>();
    Set<String> declaredModels = checkTargets(document.targets(), issues);
    checkTaxonomy(document, declaredModels, issues);
    checkPolicies(document.taxonomy().policies(), issues);
    checkUnusedTargets(document, issues);
    return new ValidationReport(issues);
  }

  private static Set<String> checkTargets(List<ModelTarget> targets, List<ValidationIssue> issues) {
    var models = new HashMap<String, Integer>();
    int defaults = 0;
    for (int i = 0; i < targets.size(); i++) {
      ModelTarget target = targets.get(i);
      String path = "targets[" + i + "]";
      if (!MODEL_ID.matcher(target.model()).matches()) {
        issues.add(
            ValidationIssue.error(
                path + ".model",
                "model \""
                    + target.model()
                    + "\" must be written as provider/model-id, e.g. openai/gpt-4o"));
      }
      Integer earlier = models.putIfAbsent(target.model(), i);
      if (earlier != null) {
        issues.add(
            ValidationIssue.error(
                path + ".model",
                "model \""
                    + target.model()
                    + "\" is also targets["
                    + earlier
                    + "]; the proxy rejects duplicate models"));
      }
      String key = target.accessKeyRef();
      if (key != null && !key.isEmpty() && !ENV_REFERENCE.matcher(key).matches()) {
        issues.add(
            ValidationIssue.error(
                path + ".access_key",
                "looks like a literal secret; write it as an environment reference such as"
                    + " $OPENAI_API_KEY (RouteBench never stores secrets)"));
      }
      if (target.isDefault()) {
        defaults++;
      }
    }
    if (!targets.isEmpty() && defaults == 0) {
      issues.add(
          ValidationIssue.error(
              "targets",
              "no target is the default; requests that match no route (\"other\") need one"));
    } else if (defaults > 1) {
      issues.add(
          ValidationIssue.error(
              "targets", defaults + " targets are marked default; exactly one may be"));
    }
    if (targets.isEmpty()) {
      issues.add(
          ValidationIssue.error(
              "targets", "there are no model targets; add at least the default one"));
    }
    return models.keySet();
  }

  private static void checkTaxonomy(
      PolicyDocument document, Set<String> declaredModels, List<ValidationIssue> issues) {
    List<Domain> domains = document.taxonomy().domains();
    var domainNames = new HashMap<String, Integer>();
    for (int d = 0; d < domains.size(); d++) {
      Domain domain = domains.get(d);
      String path = "domains[" + d + "]";
      if (domain.name().isBlank()) {
        issues.add(ValidationIssue.error(path + ".name", "domain name is empty"));
      } else {
        Integer earlier = domainNames.putIfAbsent(domain.name(), d);
        if (earlier != null) {
          issues.add(
              ValidationIssue.error(
                  path + ".name",
                  "domain \"" + domain.name() + "\" also appears at domains[" + earlier + "]"));
        }
      }
      if (domain.coarsePolicy() != null) {
        checkSettings(path + ".policy", domain.coarsePolicy(), declaredModels, issues);
      } else if (domain.actions().isEmpty()) {
        issues.add(
            ValidationIssue.warning(
                path,
                "domain \""
                    + domain.name()
                    + "\" has no actions and is not a route itself, so the router never sees it"));
      }
      var actionNames = new HashMap<String, Integer>();
      for (int a = 0; a < domain.actions().size(); a++) {
        Action action = domain.actions().get(a);
        String actionPath = path + ".actions[" + a + "]";
        if (action.name().isBlank()) {
          issues.add(ValidationIssue.error(actionPath + ".name", "action name is empty"));
        } else {
          Integer earlier = actionNames.putIfAbsent(action.name(), a);
          if (earlier != null) {
            issues.add(
                ValidationIssue.error(
                    actionPath + ".name",
                    "action \""
                        + action.name()
                        + "\" also appears at "
                        + path
                        + ".actions["
                        + earlier
                        + "]"));
          }
        }
        checkSettings(actionPath, action.policy(), declaredModels, issues);
      }
    }
    if (document.taxonomy().policies().isEmpty()) {
      issues.add(
          ValidationIssue.warning(
              "domains", "there are no routes yet; every request would go to the default target"));
    }
  }

  private static void checkSettings(
      String path,
      PolicySettings settings,
      Set<String> declaredModels,
      List<ValidationIssue> issues) {
    String target = settings.targetModel();
    if (target == null || target.isBlank()) {
      issues.add(ValidationIssue.error(path + ".target", "the route has no target model"));
    } else if (!declaredModels.contains(target)) {
      issues.add(
          ValidationIssue.error(
              path + ".target",
              "target \"" + target + "\" is not one of the workspace's model targets"));
    }
    for (int f = 0; f < settings.fallbackModels().size(); f++) {
      String fallback = settings.fallbackModels().get(f);
      if (!declaredModels.contains(fallback)) {
        issues.add(
            ValidationIssue.error(
                path + ".fallbacks[" + f + "]",
                "fallback \"" + fallback + "\" is not one of the workspace's model targets"));
      } else if (fallback.equals(target)) {
        issues.add(
            ValidationIssue.warning(
                path + ".fallbacks[" + f + "]",
                "fallback \"" + fallback + "\" is already the target"));
      }
    }
  }

  private static void checkPolicies(List<RoutingPolicy> policies, List<ValidationIssue> issues) {
    var byName = new LinkedHashMap<String, String>();
    var byDescription = new HashMap<String, String>();
    for (RoutingPolicy policy : policies) {
      String routePath = policy.path() + ".route";
      RouteNameRules.problemWith(policy.routeName())
          .ifPresent(problem -> issues.add(ValidationIssue.error(routePath, problem)));
      String earlier = byName.putIfAbsent(policy.routeName(), policy.path());
      if (earlier != null && !policy.routeName().isEmpty()) {
        issues.add(
            ValidationIssue.error(
                routePath,
                "route name \""
                    + policy.routeName()
                    + "\" is also used by "
                    + earlier
                    + "; the proxy rejects duplicate route names"));
      }
      String description = policy.description();
      if (description.isBlank()) {
        issues.add(
            ValidationIssue.error(
                policy.path() + ".description",
                "the route has no description; the router chooses routes by their descriptions"));
        continue;
      }
      if (description.length() > LONG_DESCRIPTION) {
        issues.add(
            ValidationIssue.warning(
                policy.path() + ".description",
                "description is "
                    + description.length()
                    + " characters long (over "
                    + LONG_DESCRIPTION
                    + "); every request pays for it in prompt tokens"));
      }
      String normalised = normalise(description);
      String twin = byDescription.putIfAbsent(normalised, policy.path());
      if (twin != null) {
        issues.add(
            ValidationIssue.warning(
                policy.path() + ".description",
                "description is nearly identical to "
                    + twin
                    + "'s; the router cannot tell them apart"));
      }
    }
  }

  private static void checkUnusedTargets(PolicyDocument document, List<ValidationIssue> issues) {
    var used = new HashSet<String>();
    for (RoutingPolicy policy : document.taxonomy().policies()) {
      used.addAll(policy.modelsInPreferenceOrder());
    }
    List<ModelTarget> targets = document.targets();
    for (int i = 0; i < targets.size(); i++) {
      ModelTarget target = targets.get(i);
      if (!target.isDefault() && !used.contains(target.model())) {
        issues.add(
            ValidationIssue.warning(
                "targets[" + i + "]",
                "target \"" + target.model() + "\" is not used by any route"));
      }
    }
  }

  static String normalise(String description) {
    return description
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\p{Punct}]", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
