package io.routebench.inference.prompt;

import io.routebench.core.routing.PromptProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** The proxies' prompt templates, byte for byte as shipped in their sources. */
final class PromptTemplates {

  static final String ROUTES = "{routes}";
  static final String CONVERSATION = "{conversation}";

  private static final Map<PromptProfile, String> TEMPLATES = load();

  private PromptTemplates() {}

  static String of(PromptProfile profile) {
    return TEMPLATES.get(profile);
  }

  /**
   * Fills both placeholders in one pass, so text inserted for one is never scanned for the other.
   */
  static String fill(String template, String routes, String conversation) {
    int routesAt = template.indexOf(ROUTES);
    int conversationAt = template.indexOf(CONVERSATION);
    if (routesAt < 0 || conversationAt < routesAt) {
      throw new IllegalStateException("template lacks {routes} before {conversation}");
    }
    return template.substring(0, routesAt)
        + routes
        + template.substring(routesAt + ROUTES.length(), conversationAt)
        + conversation
        + template.substring(conversationAt + CONVERSATION.length());
  }

  private static Map<PromptProfile, String> load() {
    var templates = new EnumMap<PromptProfile, String>(PromptProfile.class);
    for (PromptProfile profile : PromptProfile.values()) {
      String resource = profile.id() + ".txt";
      try (InputStream in = PromptTemplates.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing prompt template resource " + resource);
        }
        templates.put(profile, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return templates;
  }
}
