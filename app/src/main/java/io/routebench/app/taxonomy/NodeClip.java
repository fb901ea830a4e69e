package io.routebench.app.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.config.ConfigFormatException;
import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Optional;

/**
 * Copied domains or actions, as the clipboard carries them. The text is a policy document in the
 * native YAML format (readable in a chat or a doc, and any policy file's text pastes its domains);
 * an action travels in a domain named {@value #ACTION_MARK}, which is how a paste tells an action
 * from a domain.
 *
 * @param actions whether the clip holds the actions of its one domain rather than domains
 * @param domains the copied domains, or the one domain holding the copied actions
 */
record NodeClip(boolean actions, List<Domain> domains) {

  static final String ACTION_MARK = "RouteBench action";
  static final String DOMAIN_MARK = "RouteBench domain";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMAT_KEY = "routebench_clip";

  NodeClip {
    domains = List.copyOf(domains);
  }

  /** The node with everything under it, or empty when the document has no such node. */
  static Optional<NodeClip> of(PolicyDocument document, NodeRef node) {
    Taxonomy taxonomy = document.taxonomy();
    return NodeLocation.of(taxonomy, node)
        .map(
            location -> {
              Domain domain = location.domainIn(taxonomy);
              return location.isAction()
                  ? new NodeClip(
                      true,
                      List.of(
                          new Domain(
                              domain.id(),
                              ACTION_MARK,
                              "",
                              null,
                              List.of(location.actionIn(taxonomy)))))
                  : new NodeClip(false, List.of(domain));
            });
  }

  /** The clip as a policy document in YAML, for the plain-text clipboard. */
  String yaml() {
    var document =
        PolicyDocument.empty(actions ? ACTION_MARK : DOMAIN_MARK)
            .withTaxonomy(new Taxonomy(domains));
    return PolicyDocumentYaml.write(document);
  }

  /** The clip in RouteBench's own clipboard format: a JSON object wrapping {@link #yaml()}. */
  String json() {
    var root = JSON.createObjectNode();
    root.put(FORMAT_KEY, 1);
    root.put("kind", actions ? "action" : "domain");
    root.put("policy", yaml());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON object of strings always serialises", e);
    }
  }

  /** Reads what {@link #json()} wrote. */
  static NodeClip fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the copied node is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("policy").isTextual()) {
      throw new IllegalArgumentException("the copied node has no policy text");
    }
    return fromYaml(root.path("policy").asText());
  }

  /**
   * Reads a policy document's YAML (what {@link #yaml()} wrote, or any policy file's text).
   *
   * @throws IllegalArgumentException saying what is wrong with the text, when it is not a policy
   *     document with at least one domain
   */
  static NodeClip fromYaml(String text) {
    PolicyDocument document;
    try {
      document = PolicyDocumentYaml.read("the clipboard", text);
    } catch (ConfigFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (RuntimeException e) {
      // The YAML parser's own exceptions for text that is not YAML at all.
      throw new IllegalArgumentException("the clipboard holds no policy YAML", e);
    }
    List<Domain> domains = document.taxonomy().domains();
    if (domains.isEmpty()) {
      throw new IllegalArgumentException("the clipboard's policy YAML has no domains");
    }
    boolean actions =
        document.name().equals(ACTION_MARK)
            && domains.size() == 1
            && !domains.get(0).actions().isEmpty();
    return new NodeClip(actions, domains);
  }
}
