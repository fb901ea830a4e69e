package io.routebench.core.config;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/** Test fixtures and helpers shared by the config tests. */
final class Fixtures {

  static final String ARCHGW = "archgw-v0.3.0.yaml";
  static final String PLANO = "plano-v0.4.0.yaml";
  static final String POLICY_DOCUMENT = "coding-assistant.policy.yaml";

  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The document with its generated ids replaced by positions, so two imports of the same config
   * compare equal.
   */
  static PolicyDocument withPositionalIds(PolicyDocument document) {
    var domains = new ArrayList<Domain>();
    for (int d = 0; d < document.taxonomy().domains().size(); d++) {
      Domain domain = document.taxonomy().domains().get(d);
      var actions = new ArrayList<Action>();
      for (int a = 0; a < domain.actions().size(); a++) {
        Action action = domain.actions().get(a);
        actions.add(
            new Action("d" + d + "a" + a, action.name(), action.description(), action.policy()));
      }
      domains.add(
          new Domain("d" + d, domain.name(), domain.description(), domain.coarsePolicy(), actions));
    }
    return document.withTaxonomy(new Taxonomy(domains));
  }
}
