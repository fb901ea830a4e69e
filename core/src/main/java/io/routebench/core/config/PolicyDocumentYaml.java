package io.routebench.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.routing.PromptProfile;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The native policy document ({@code *.policy.yaml}): the whole taxonomy with ids, targets and
 * everything an imported proxy config carried, for version control. Lossless both ways.
 */
public final class PolicyDocumentYaml {

  /** The format version this RouteBench writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final List<String> ROOT_KEYS =
      List.of("routebench", "name", "profile", "targets", "router", "domains", "proxy_extras");
  private static final List<String> TARGET_KEYS =
      List.of("model", "name", "access_key", "base_url", "default", "provider_interface", "extras");
  private static final List<String> ROUTER_KEYS = List.of("model", "base_url", "provider_name");
  private static final List<String> DOMAIN_KEYS =
      List.of("id", "name", "description", "policy", "actions");
  private static final List<String> POLICY_KEYS = List.of("route", "target", "fallbacks", "prefer");
  private static final List<String> ACTION_KEYS =
      List.of("id", "name", "description", "route", "target", "fallbacks", "prefer");
  private static final List<String> EXTRAS_KEYS =
      List.of("dialect", "version", "providers_key", "top_level");

  private PolicyDocumentYaml() {}

  public static PolicyDocument read(Path file) throws IOException {
    return read(file.getFileName().toString(), Files.readString(file));
  }

  /**
   * @throws ConfigFormatException listing every problem with its line, column and key path
   */
  public static PolicyDocument read(String sourceName, String text) {
    var yaml = LocatedYaml.parse(sourceName, text);
    var schema = new YamlSchema(yaml);
    ObjectNode root = schema.object(yaml.root(), "");
    schema.throwIfProblems();
    JsonNode version = root.get("routebench");
    if (version == null || !version.canConvertToInt()) {
      throw yaml.error(
          "routebench", "is required: the policy document format version (" + FORMAT_VERSION + ")");
    }
    if (version.asInt() > FORMAT_VERSION) {
      throw yaml.error(
          "routebench",
          "this file was written by a newer RouteBench (format "
              + version.asInt()
              + "); this version reads format "
              + FORMAT_VERSION
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
    List<ModelTarget> targets = readTargets(schema, root);
    SelfHostedRouter router = readRouter(schema, root);
    List<Domain> domains = readDomains(schema, root);
    ProxyConfigExtras extras = readExtras(schema, root);
    schema.throwIfProblems();
    return new PolicyDocument(name, profile, new Taxonomy(domains), targets, router, extras);
  }

  public static String write(PolicyDocument document) {
    ObjectNode root = Yaml.JSON.createObjectNode();
    root.put("routebench", FORMAT_VERSION);
    root.put("name", document.name());
    root.put("profile", document.profile().id());
    ArrayNode targets = root.putArray("targets");
    for (ModelTarget target : document.targets()) {
      ObjectNode node = targets.addObject();
      node.put("model", target.model());
      putIfPresent(node, "name", target.displayName());
      putIfPresent(node, "access_key", target.accessKeyRef());
      putIfPresent(node, "base_url", target.baseUrl());
      if (target.isDefault()) {
        node.put("default", true);
      }
      putIfPresent(node, "provider_interface", target.providerInterface());
      ObjectNode extras = Yaml.objectFromJson(target.extrasJson());
      if (!extras.isEmpty()) {
        node.set("extras", extras);
      }
    }
    SelfHostedRouter router = document.selfHostedRouter();
    if (router != null) {
      ObjectNode node = root.putObject("router");
      putIfPresent(node, "model", router.model());
      putIfPresent(node, "base_url", router.baseUrl());
      putIfPresent(node, "provider_name", router.providerName());
    }
    ArrayNode domains = root.putArray("domains");
    for (Domain domain : document.taxonomy().domains()) {
      ObjectNode node = domains.addObject();
      node.put("id", domain.id());
      node.put("name", domain.name());
      node.put("description", domain.description());
      if (domain.coarsePolicy() != null) {
        writeSettings(node.putObject("policy"), domain.coarsePolicy());
      }
      ArrayNode actions = node.putArray("actions");
      for (Action action : domain.actions()) {
        ObjectNode actionNode = actions.addObject();
        actionNode.put("id", action.id());
        actionNode.put("name", action.name());
        actionNode.put("description", action.description());
        writeSettings(actionNode, action.policy());
      }
    }
    ProxyConfigExtras extras = document.proxyExtras();
    if (extras.dialect() != null || !Yaml.objectFromJson(extras.topLevelJson()).isEmpty()) {
      ObjectNode node = root.putObject("proxy_extras");
      if (extras.dialect() != null) {
        node.put("dialect", extras.dialect().id());
      }
      putIfPresent(node, "version", extras.version());
      putIfPresent(node, "providers_key", extras.providersKey());
      node.set("top_level", Yaml.objectFromJson(extras.topLevelJson()));
    }
    return Yaml.write(root);
  }

  private static void writeSettings(ObjectNode node, PolicySettings settings) {
    putIfPresent(node, "route", settings.routeNameOverride());
    putIfPresent(node, "target", settings.targetModel());
    if (!settings.fallbackModels().isEmpty()) {
      ArrayNode fallbacks = node.putArray("fallbacks");
      settings.fallbackModels().forEach(fallbacks::add);
    }
    if (settings.preference() != SelectionPreference.NONE) {
      node.put("prefer", settings.preference().wireName());
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
      JsonNode extras = node.get("extras");
      if (extras != null && !extras.isObject()) {
        schema.problem(path + ".extras", "must be a mapping");
      }
      if (model != null) {
        targets.add(
            new ModelTarget(
                model,
                schema.string(node, "name", path, false),
                schema.string(node, "base_url", path, false),
                schema.string(node, "access_key", path, false),
                schema.bool(node, "default", path),
                schema.string(node, "provider_interface", path, false),
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

  private static String idOf(YamlSchema schema, ObjectNode node, String path) {
    String id = schema.string(node, "id", path, false);
    return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
