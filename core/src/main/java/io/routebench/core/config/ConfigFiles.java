package io.routebench.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;

/** Tells RouteBench's own policy documents from proxy configs, so commands accept either. */
public final class ConfigFiles {

  /** What a YAML file holds. */
  public enum Kind {
    POLICY_DOCUMENT,
    PROXY_CONFIG
  }

  private ConfigFiles() {}

  /**
   * Looks only at the top-level keys; reading the file as the detected kind does the full check.
   *
   * @param sourceName the file name, used in messages
   * @throws ConfigFormatException when the text is not YAML, or is neither kind (the message says
   *     what each kind needs)
   */
  public static Kind detectKind(String sourceName, String text) {
    return detectKind(sourceName, LocatedYaml.parse(sourceName, text));
  }

  private static Kind detectKind(String sourceName, LocatedYaml yaml) {
    JsonNode root = yaml.root();
    if (!root.isObject()) {
      throw notEither(
          sourceName,
          "expected a mapping of top-level keys, found " + YamlSchema.describe(root) + "; ");
    }
    if (root.has("routebench")) {
      return Kind.POLICY_DOCUMENT;
    }
    if (root.has(ProxyConfigRules.MODEL_PROVIDERS)
        || root.has(ProxyConfigRules.LEGACY_PROVIDERS)
        || root.has(ProxyConfigRules.ROUTING_PREFERENCES)) {
      return Kind.PROXY_CONFIG;
    }
    for (String key : (Iterable<String>) root::fieldNames) {
      var meant = KeyTypos.nearest(key, KIND_KEYS);
      if (meant.isPresent()) {
        throw new ConfigFormatException(
            sourceName,
            yaml.keyProblem(
                key,
                "unknown key \""
                    + key
                    + "\"; did you mean `"
                    + meant.get()
                    + "`? Without it the file is neither a RouteBench policy document nor a"
                    + " proxy config"));
      }
    }
    throw notEither(sourceName, "");
  }

  /** The keys that tell the kinds apart. */
  private static final List<String> KIND_KEYS =
      List.of(
          "routebench",
          ProxyConfigRules.MODEL_PROVIDERS,
          ProxyConfigRules.LEGACY_PROVIDERS,
          ProxyConfigRules.ROUTING_PREFERENCES);

  /**
   * Reads a policy document or a proxy config of either dialect, whichever {@code text} is.
   *
   * @throws ConfigFormatException naming the line, column or key path of the first problem
   */
  public static ImportedPolicies readPolicies(String sourceName, String text) {
    // Parsed once: the tree that tells the kind is the one read as that kind.
    LocatedYaml yaml = LocatedYaml.parse(sourceName, text);
    if (detectKind(sourceName, yaml) == Kind.POLICY_DOCUMENT) {
      PolicyDocument document = PolicyDocumentReader.read(sourceName, yaml);
      return new ImportedPolicies(
          Kind.POLICY_DOCUMENT, document, document.taxonomy().routeNames(), List.of());
    }
    ProxyImportResult imported = ProxyConfigImporter.importConfig(sourceName, text, yaml);
    return new ImportedPolicies(
        Kind.PROXY_CONFIG, imported.document(), imported.routeOrder(), imported.warnings());
  }

  private static ConfigFormatException notEither(String sourceName, String what) {
    return new ConfigFormatException(
        sourceName,
        new ConfigFormatException.Problem(
            0,
            0,
            "",
            what
                + "neither a RouteBench policy document (it has no 'routebench:' key) nor a proxy"
                + " config (no model_providers, llm_providers or routing_preferences)"));
  }
}
