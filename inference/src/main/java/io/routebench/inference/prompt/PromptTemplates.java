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
   * Fills the placeholders the way both proxies do: {@code template.replace("{routes}",
   * routes).replace("{conversation}", conversation)}.
   *
   * <p>That order has a visible consequence which is kept on purpose, because the prompt must be
   * production's: a {@code {conversation}} written inside a route's name or description is replaced
   * by the conversation too, while a {@code {routes}} inside the conversation, or any placeholder
   * inside the inserted conversation, stays as written. Java's {@code String.replace} replaces
   * every occurrence without rescanning what it inserted, like Rust's {@code str::replace}.
   */
  static String fill(String template, String routes, String conversation) {
    return template.replace(ROUTES, routes).replace(CONVERSATION, conversation);
  }

  private static Map<PromptProfile, String> load() {
    var templates = new EnumMap<PromptProfile, String>(PromptProfile.class);
    for (PromptProfile profile : PromptProfile.values()) {
      String resource = resourceName(profile);
      try (InputStream in = PromptTemplates.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing prompt template resource " + resource);
        }
        templates.put(profile, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read prompt template resource " + resource, e);
      }
    }
    return templates;
  }

  /** {@code archgw-v1.txt} or {@code plano-v1.txt}, beside this class. */
  static String resourceName(PromptProfile profile) {
    return profile.id() + ".txt";
  }
}
