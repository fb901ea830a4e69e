package io.routebench.core.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * A top-level area of user intent (e.g. {@code coding}) holding ordered actions. A domain may
 * itself be a coarse routing policy ({@link #coarsePolicy()} present) or only group its actions.
 *
 * @param id stable identity, survives renames (UUID text)
 * @param coarsePolicy routing settings when the domain on its own is a route, else {@code null}
 */
public record Domain(
    String id, String name, String description, PolicySettings coarsePolicy, List<Action> actions) {

  public Domain {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    actions = List.copyOf(actions);
  }

  public boolean isCoarsePolicy() {
    return coarsePolicy != null;
  }

  public Domain withName(String newName) {
    return new Domain(id, newName, description, coarsePolicy, actions);
  }

  public Domain withDescription(String newDescription) {
    return new Domain(id, name, newDescription, coarsePolicy, actions);
  }

  public Domain withCoarsePolicy(PolicySettings policy) {
    return new Domain(id, name, description, policy, actions);
  }

  public Domain withActions(List<Action> newActions) {
    return new Domain(id, name, description, coarsePolicy, newActions);
  }
}
