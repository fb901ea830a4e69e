package io.routebench.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.ServingEngine;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.validation.RouteNameRules;
import io.routebench.core.workspace.ProxyDialect;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON Schema of the policy document ({@code *.policy.yaml}), for editors (the YAML language
 * server completes keys and flags mistakes as the user types). Generated from the rules {@link
 * PolicyDocumentReader} reads with, its key lists, the format version and the enumerations, so it
 * cannot drift from them: a key the reader learns without a type here fails the generator, and the
 * shipped copy ({@code schema/routebench-policy.schema.json}) is compared with this in a test.
 *
 * <p>The schema checks the shape; the validator ({@code routebench validate}) also checks what
 * spans elements (unique routes, the one default target, secrets), which a schema cannot say.
 */
public final class PolicyDocumentSchema {

  /** Where the schema is published in the repository, relative to its root. */
  public static final String REPOSITORY_PATH = "schema/routebench-policy.schema.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PolicyDocumentSchema() {}

  /** The schema as the repository ships it: indented JSON with a final newline. */
  public static String json() {
    try {
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(schema())
              .replace("\r\n", "\n")
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  static ObjectNode schema() {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("title", "RouteBench policy document");
    root.put(
        "description",
        "A Domain → Action taxonomy of routing policies with their model targets"
            + " (*.policy.yaml, format "
            + PolicyDocumentYaml.FORMAT_VERSION
            + "). `routebench validate FILE` checks what a schema cannot: unique routes, one"
            + " default target, literal secrets.");
    object(root, List.of("routebench", "name"));
    properties(
        root,
        PolicyDocumentReader.ROOT_KEYS,
        Map.of(
            "routebench",
            () ->
                integer(
                    "The format version; " + PolicyDocumentYaml.FORMAT_VERSION + " for this one.",
                    1,
                    PolicyDocumentYaml.FORMAT_VERSION),
            "name",
            () -> string("The taxonomy's name."),
            "profile",
            () ->
                enumeration(
                    "Which proxy's router prompt the routes are tested with.",
                    Arrays.stream(PromptProfile.values()).map(PromptProfile::id).toList()),
            "served_by",
            () -> ref("servedBy"),
            "targets",
            () -> array("The models routes go to.", ref("target")),
            "router",
            () -> ref("router"),
            "domains",
            () -> array("Domains, each with its actions (the routes).", ref("domain")),
            "proxy_extras",
            () -> ref("proxyExtras")));
    ObjectNode defs = root.putObject("$defs");
    defs.set("target", target());
    defs.set("servedBy", servedBy());
    defs.set("router", router());
    defs.set("domain", domain());
    defs.set("action", action());
    defs.set("policy", policy());
    defs.set("routeName", routeName());
    defs.set("proxyExtras", proxyExtras());
    return root;
  }

  private static ObjectNode target() {
    ObjectNode target = object(null, List.of("model"));
    target.put("description", "A model requests can be routed to.");
    properties(
        target,
        PolicyDocumentReader.TARGET_KEYS,
        Map.of(
            "model", () -> string("provider/model, e.g. openai/gpt-4o."),
            "name", () -> string("A short name for the model."),
            "access_key",
                () ->
                    string(
                        "An environment reference such as $OPENAI_API_KEY; literal keys are"
                            + " refused."),
            "base_url", () -> string("The provider's URL, for self-hosted models."),
            "default", () -> bool("The target of requests no route matches (exactly one)."),
            "provider_interface", () -> string("The API the provider speaks, e.g. openai."),
            "extras", () -> openObject("Further provider keys, kept as they are.")));
    return target;
  }

  private static ObjectNode servedBy() {
    ObjectNode servedBy = object(null, List.of("engine"));
    servedBy.put(
        "description",
        "How the serving engine wraps the router prompt in the model's chat template.");
    properties(
        servedBy,
        PolicyDocumentReader.SERVED_BY_KEYS,
        Map.of(
            "engine",
            () ->
                enumeration(
                    "The server that runs the router model.",
                    Arrays.stream(ServingEngine.values()).map(ServingEngine::id).toList()),
            "chat_template_file",
            () -> string("Where the custom chat template was read from."),
            "chat_template",
            () -> string("A Jinja chat template of your own (vllm and llama-server)."),
            "system_message",
            () -> string("A system message the server is given with each request.")));
    return servedBy;
  }

  private static ObjectNode router() {
    ObjectNode router = object(null, List.of("model"));
    router.put("description", "A self-hosted router model the proxy asks.");
    properties(
        router,
        PolicyDocumentReader.ROUTER_KEYS,
        Map.of(
            "model", () -> string("The router model, e.g. Arch-Router; no spaces."),
            "base_url", () -> string("Where the router is served."),
            "provider_name", () -> string("The provider name the proxy uses for it.")));
    return router;
  }

  private static ObjectNode domain() {
    ObjectNode domain = object(null, List.of("name"));
    domain.put("description", "A domain of requests; its actions are the routes.");
    properties(
        domain,
        PolicyDocumentReader.DOMAIN_KEYS,
        Map.of(
            "id", () -> string("A stable id; generated when absent."),
            "name", () -> nonEmptyString("The domain's name."),
            "description", () -> string("What the domain covers."),
            "policy", () -> ref("policy"),
            "actions", () -> array("The routes of this domain.", ref("action"))));
    return domain;
  }

  private static ObjectNode action() {
    ObjectNode action = object(null, List.of("name", "description"));
    action.put("description", "A route: the router reads its name and description.");
    properties(
        action,
        PolicyDocumentReader.ACTION_KEYS,
        settings(
            Map.of(
                "id", () -> string("A stable id; generated when absent."),
                "name", () -> nonEmptyString("The action's name, the route name by default."),
                "description",
                    () ->
                        nonEmptyString(
                            "What requests this route takes; the router chooses by it."))));
    return action;
  }

  private static ObjectNode policy() {
    ObjectNode policy = object(null, List.of());
    policy.put("description", "A domain-level route for requests none of its actions takes.");
    properties(policy, PolicyDocumentReader.POLICY_KEYS, settings(Map.of()));
    return policy;
  }

  /** The keys actions and a domain's policy share. */
  private static Map<String, Supplier<ObjectNode>> settings(Map<String, Supplier<ObjectNode>> own) {
    var all = new LinkedHashMap<String, Supplier<ObjectNode>>(own);
    all.put("route", () -> ref("routeName"));
    all.put("target", () -> string("The model (a target's model) requests go to."));
    all.put("fallbacks", () -> array("Models tried when the target fails.", string(null)));
    all.put(
        "prefer",
        () ->
            enumeration(
                "Which fallback plano prefers.",
                Arrays.stream(SelectionPreference.values())
                    .map(SelectionPreference::wireName)
                    .toList()));
    return all;
  }

  private static ObjectNode routeName() {
    ObjectNode name = string(RouteNameRules.SUMMARY);
    name.put("pattern", RouteNameRules.PATTERN);
    return name;
  }

  private static ObjectNode proxyExtras() {
    ObjectNode extras = object(null, List.of());
    extras.put("description", "What an imported proxy config carried besides the routes.");
    properties(
        extras,
        PolicyDocumentReader.EXTRAS_KEYS,
        Map.of(
            "dialect",
                () ->
                    enumeration(
                        "The proxy config's dialect.",
                        Arrays.stream(ProxyDialect.values()).map(ProxyDialect::id).toList()),
            "version", () -> string("The proxy config's version key."),
            "providers_key", () -> string("model_providers or llm_providers."),
            "top_level", () -> openObject("Other top-level keys, kept as they are.")));
    return extras;
  }

  /**
   * Declares every key the reader allows, in its order, and nothing else ({@code
   * additionalProperties: false}, as the reader rejects unknown keys).
   *
   * @throws IllegalStateException for a key the reader allows but the schema has no type for
   */
  private static void properties(
      ObjectNode object, List<String> keys, Map<String, Supplier<ObjectNode>> types) {
    ObjectNode properties = object.putObject("properties");
    for (String key : keys) {
      Supplier<ObjectNode> type = types.get(key);
      if (type == null) {
        throw new IllegalStateException(
            "the policy document reader allows \"" + key + "\", but the schema has no type for it");
      }
      properties.set(key, type.get());
    }
    for (String key : types.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalStateException(
            "the schema types \"" + key + "\", which the policy document reader does not allow");
      }
    }
    object.put("additionalProperties", false);
  }

  private static ObjectNode object(ObjectNode into, List<String> required) {
    ObjectNode object = into != null ? into : NODES.objectNode();
    object.put("type", "object");
    if (!required.isEmpty()) {
      ArrayNode names = object.putArray("required");
      required.forEach(names::add);
    }
    return object;
  }

  private static ObjectNode openObject(String description) {
    ObjectNode object = NODES.objectNode();
    object.put("description", description);
    object.put("type", "object");
    return object;
  }

  private static ObjectNode string(String description) {
    ObjectNode string = NODES.objectNode();
    if (description != null) {
      string.put("description", description);
    }
    string.put("type", "string");
    return string;
  }

  private static ObjectNode nonEmptyString(String description) {
    ObjectNode string = string(description);
    string.put("minLength", 1);
    return string;
  }

  private static ObjectNode bool(String description) {
    ObjectNode bool = NODES.objectNode();
    bool.put("description", description);
    bool.put("type", "boolean");
    return bool;
  }

  private static ObjectNode integer(String description, int minimum, int maximum) {
    ObjectNode integer = NODES.objectNode();
    integer.put("description", description);
    integer.put("type", "integer");
    integer.put("minimum", minimum);
    integer.put("maximum", maximum);
    return integer;
  }

  private static ObjectNode enumeration(String description, List<String> values) {
    ObjectNode node = string(description);
    ArrayNode allowed = node.putArray("enum");
    values.forEach(allowed::add);
    return node;
  }

  private static ObjectNode array(String description, ObjectNode items) {
    ObjectNode array = NODES.objectNode();
    if (description != null) {
      array.put("description", description);
    }
    array.put("type", "array");
    array.set("items", items);
    return array;
  }

  private static ObjectNode ref(String definition) {
    ObjectNode ref = NODES.objectNode();
    ref.put("$ref", "#/$defs/" + definition);
    return ref;
  }
}
