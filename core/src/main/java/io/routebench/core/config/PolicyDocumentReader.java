package io.routebench.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.ids.FreshIds;
import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a policy document strictly: an unknown key is an error naming the keys allowed there, so a
 * typo never silently drops a setting. Every problem in the file is reported at once.
 */
final class PolicyDocumentReader {

  // Package-private: PolicyDocumentSchema is generated from them.
  static final List<String> ROOT_KEYS =
      List.of(
          "routebench",
          "name",
          "profile",
          "served_by",
          "targets",
          "router",
          "domains",
          "proxy_extras");
  static final List<String> SERVED_BY_KEYS =
      List.of("engine", "chat_template_file", "chat_template", "system_message");
  static final List<String> TARGET_KEYS =
      List.of("model", "name", "access_key", "base_url", "default", "provider_interface", "extras");
  static final List<String> ROUTER_KEYS = List.of("model", "base_url", "provider_name");
  static final List<String> DOMAIN_KEYS = List.of("id", "name", "description", "policy", "actions");
  static final List<String> POLICY_KEYS = List.of("route", "target", "fallbacks", "prefer");
  static final List<String> ACTION_KEYS =
      List.of("id", "name", "description", "route", "target", "fallbacks", "prefer");
  static final List<String> EXTRAS_KEYS =
      List.of("dialect", "version", "providers_key", "top_level");

  private PolicyDocumentReader() {}

  static PolicyDocument read(String sourceName, String text) {
    return read(sourceName, LocatedYaml.parse(sourceName, text));
  }

  static PolicyDocument read(String sourceName, LocatedYaml yaml) {
    var schema = new YamlSchema(yaml);
    ObjectNode root = schema.object(yaml.root(), "");
    schema.throwIfProblems();
    JsonNode version = root.get("routebench");
    if (version == null || !version.isIntegralNumber() || version.asLong() < 1) {
      throw yaml.error(
          "routebench",
          "is required: the policy document format version, a whole number ("
              + PolicyDocumentYaml.FORMAT_VERSION
              + " for this RouteBench)");
    }
    if (!version.canConvertToInt() || version.asInt() > PolicyDocumentYaml.FORMAT_VERSION) {
      throw yaml.error(
          "routebench",
          "this file was written by a newer RouteBench (format "
              + version.asText()
              + "); this version reads format "
              + PolicyDocumentYaml.FORMAT_VERSION
              + " and older");
    }
    schema.onlyKeys(root, "", ROOT_KEYS);
    String name = schema.string(root, "name", "", true);
    PromptProfile profile = PromptProfile.ARCHGW_V1;
    String profileId = schema.string(root, "profile", "", false);
    if (profileId != null) {
      try {
        profile = PromptProfile.fromId(profileId);
      } catch (IllegalArgumentException e) {
        schema.problem("profile", e.getMessage());
      }
    }
    PromptWrapping wrapping = readServedBy(schema, root);
    List<ModelTarget> targets = readTargets(schema, root);
    SelfHostedRouter router = readRouter(schema, root);
    List<Domain> domains = readDomains(schema, root);
    ProxyConfigExtras extras = readExtras(schema, root);
    checkUniqueIds(schema, root);
    schema.throwIfProblems();
    return new PolicyDocument(
        name, profile, new Taxonomy(domains), targets, router, extras, wrapping);
  }

  private static PromptWrapping readServedBy(YamlSchema schema, ObjectNode root) {
    JsonNode servedBy = root.get("served_by");
    if (servedBy == null || servedBy.isNull()) {
      return PromptWrapping.DEFAULT;
    }
    ObjectNode node = schema.object(servedBy, "served_by");
    if (node == null) {
      return PromptWrapping.DEFAULT;
    }
    schema.onlyKeys(node, "served_by", SERVED_BY_KEYS);
    String engineId = schema.string(node, "engine", "served_by", true);
    String templateFile = schema.string(node, "chat_template_file", "served_by", false);
    String template = schema.string(node, "chat_template", "served_by", false);
    String systemMessage = schema.string(node, "system_message", "served_by", false);
    if (engineId == null) {
      return PromptWrapping.DEFAULT;
    }
    try {
      CustomChatTemplate custom =
          template == null
              ? null
              : new CustomChatTemplate(
                  templateFile == null ? "chat_template" : templateFile, template);
      return new PromptWrapping(ServingEngine.fromId(engineId), custom, systemMessage);
    } catch (IllegalArgumentException e) {
      schema.problem("served_by", e.getMessage());
      return PromptWrapping.DEFAULT;
    }
  }

  private static List<ModelTarget> readTargets(YamlSchema schema, ObjectNode root) {
    var targets = new ArrayList<ModelTarget>();
    List<JsonNode> items = schema.list(root, "targets", "", false);
    for (int i = 0; i < items.size(); i++) {
      String path = "targets[" + i + "]";
      ObjectNode node = schema.object(items.get(i), path);
      if (node == null) {
        continue;
      }
      schema.onlyKeys(node, path, TARGET_KEYS);
      String model = schema.string(node, "model", path, true);
      String name = schema.string(node, "name", path, false);
      String baseUrl = schema.string(node, "base_url", path, false);
      String accessKey = schema.string(node, "access_key", path, false);
      boolean isDefault = schema.bool(node, "default", path);
      String providerInterface = schema.string(node, "provider_interface", path, false);
      JsonNode extras = node.get("extras");
      if (extras != null && !extras.isObject()) {
        schema.problem(path + ".extras", "must be a mapping of provider keys");
      }
      if (model != null) {
        targets.add(
            new ModelTarget(
                model,
                name,
                baseUrl,
                accessKey,
                isDefault,
                providerInterface,
                extras != null && extras.isObject() ? Yaml.json(extras) : "{}"));
      }
    }
    return targets;
  }

  private static SelfHostedRouter readRouter(YamlSchema schema, ObjectNode root) {
    JsonNode routerNode = root.get("router");
    if (routerNode == null || routerNode.isNull()) {
      return null;
    }
    ObjectNode node = schema.object(routerNode, "router");
    if (node == null) {
      return null;
    }
    schema.onlyKeys(node, "router", ROUTER_KEYS);
    return new SelfHostedRouter(
        schema.string(node, "model", "router", true),
        schema.string(node, "base_url", "router", false),
        schema.string(node, "provider_name", "router", false));
  }

  private static List<Domain> readDomains(YamlSchema schema, ObjectNode root) {
    var domains = new ArrayList<Domain>();
    List<JsonNode> items = schema.list(root, "domains", "", false);
    for (int d = 0; d < items.size(); d++) {
      String path = "domains[" + d + "]";
      ObjectNode node = schema.object(items.get(d), path);
      if (node == null) {
        continue;
      }
      schema.onlyKeys(node, path, DOMAIN_KEYS);
      PolicySettings coarse = null;
      JsonNode policyNode = node.get("policy");
      if (policyNode != null && !policyNode.isNull()) {
        ObjectNode policy = schema.object(policyNode, path + ".policy");
        if (policy != null) {
          schema.onlyKeys(policy, path + ".policy", POLICY_KEYS);
          coarse = readSettings(schema, policy, path + ".policy");
        }
      }
      var actions = new ArrayList<Action>();
      List<JsonNode> actionItems = schema.list(node, "actions", path, false);
      for (int a = 0; a < actionItems.size(); a++) {
        String actionPath = path + ".actions[" + a + "]";
        ObjectNode action = schema.object(actionItems.get(a), actionPath);
        if (action == null) {
          continue;
        }
        schema.onlyKeys(action, actionPath, ACTION_KEYS);
        actions.add(
            new Action(
                idOf(schema, action, actionPath),
                orEmpty(schema.string(action, "name", actionPath, true)),
                orEmpty(schema.string(action, "description", actionPath, true)),
                readSettings(schema, action, actionPath)));
      }
      domains.add(
          new Domain(
              idOf(schema, node, path),
              orEmpty(schema.string(node, "name", path, true)),
              orEmpty(schema.string(node, "description", path, false)),
              coarse,
              actions));
    }
    return domains;
  }

  private static PolicySettings readSettings(YamlSchema schema, ObjectNode node, String path) {
    SelectionPreference preference = SelectionPreference.NONE;
    String prefer = schema.string(node, "prefer", path, false);
    if (prefer != null) {
      try {
        preference = SelectionPreference.fromWireName(prefer);
      } catch (IllegalArgumentException e) {
        schema.problem(path + ".prefer", e.getMessage());
      }
    }
    return new PolicySettings(
        schema.string(node, "route", path, false),
        schema.string(node, "target", path, false),
        schema.strings(node, "fallbacks", path),
        preference);
  }

  private static ProxyConfigExtras readExtras(YamlSchema schema, ObjectNode root) {
    JsonNode extrasNode = root.get("proxy_extras");
    if (extrasNode == null || extrasNode.isNull()) {
      return ProxyConfigExtras.NONE;
    }
    ObjectNode node = schema.object(extrasNode, "proxy_extras");
    if (node == null) {
      return ProxyConfigExtras.NONE;
    }
    schema.onlyKeys(node, "proxy_extras", EXTRAS_KEYS);
    ProxyDialect dialect = null;
    String dialectId = schema.string(node, "dialect", "proxy_extras", false);
    if (dialectId != null) {
      try {
        dialect = ProxyDialect.fromId(dialectId);
      } catch (IllegalArgumentException e) {
        schema.problem("proxy_extras.dialect", e.getMessage());
      }
    }
    JsonNode topLevel = node.get("top_level");
    if (topLevel != null && !topLevel.isObject()) {
      schema.problem("proxy_extras.top_level", "must be a mapping");
    }
    return new ProxyConfigExtras(
        topLevel != null && topLevel.isObject() ? Yaml.json(topLevel) : "{}",
        dialect,
        schema.string(node, "version", "proxy_extras", false),
        schema.string(node, "providers_key", "proxy_extras", false));
  }

  /** Ids tie runs and history to taxonomy nodes, so a copied-and-pasted id must not slip in. */
  private static void checkUniqueIds(YamlSchema schema, ObjectNode root) {
    var seen = new HashMap<String, String>();
    JsonNode domains = root.path("domains");
    for (int d = 0; d < domains.size(); d++) {
      String path = "domains[" + d + "]";
      checkUniqueId(schema, seen, domains.get(d), path);
      JsonNode actions = domains.get(d).path("actions");
      for (int a = 0; a < actions.size(); a++) {
        checkUniqueId(schema, seen, actions.get(a), path + ".actions[" + a + "]");
      }
    }
  }

  private static void checkUniqueId(
      YamlSchema schema, Map<String, String> seen, JsonNode node, String path) {
    JsonNode id = node.get("id");
    if (id != null && id.isTextual() && !id.asText().isBlank()) {
      String earlier = seen.putIfAbsent(id.asText(), path);
      if (earlier != null) {
        schema.problem(path + ".id", "id \"" + id.asText() + "\" is also used by " + earlier);
      }
    }
  }

  private static String idOf(YamlSchema schema, ObjectNode node, String path) {
    String id = schema.string(node, "id", path, false);
    return id == null || id.isBlank() ? FreshIds.next() : id;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
