package io.routebench.core.taxonomy;

import java.util.Objects;

/**
 * A fine-grained intent inside a domain (e.g. {@code coding} → {@code code generation}). Every
 * action is a routing policy.
 *
 * @param id stable identity, survives renames (UUID text)
 * @param description what the router reads for this route
 */
public record Action(String id, String name, String description, PolicySettings policy) {

  public Action {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(policy, "policy");
  }

  public Action withName(String newName) {
    return new Action(id, newName, description, policy);
  }

  public Action withDescription(String newDescription) {
    return new Action(id, name, newDescription, policy);
  }

  public Action withPolicy(PolicySettings newPolicy) {
    return new Action(id, name, description, newPolicy);
  }
}
