package io.routebench.app.targets;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Edits of the target list as pure functions from one document to the next. */
final class TargetEdits {

  private TargetEdits() {}

  static PolicyDocument add(PolicyDocument document, ModelTarget target) {
    var targets = new ArrayList<>(document.targets());
    targets.add(target);
    return document.withTargets(targets);
  }

  static PolicyDocument remove(PolicyDocument document, int index) {
    var targets = new ArrayList<>(document.targets());
    targets.remove(index);
    return document.withTargets(targets);
  }

  static PolicyDocument update(
      PolicyDocument document, int index, UnaryOperator<ModelTarget> change) {
    var targets = new ArrayList<>(document.targets());
    targets.set(index, change.apply(targets.get(index)));
    return document.withTargets(targets);
  }

  /** Makes the target at {@code index} the only default. */
  static PolicyDocument makeDefault(PolicyDocument document, int index) {
    var targets = new ArrayList<ModelTarget>();
    for (int i = 0; i < document.targets().size(); i++) {
      targets.add(document.targets().get(i).withDefault(i == index));
    }
    return document.withTargets(targets);
  }

  /**
   * Renames a target's model id and every route that points at it (as target or fallback), so a
   * rename never leaves routes pointing at a model that no longer exists.
   */
  static PolicyDocument renameModel(PolicyDocument document, int index, String newModel) {
    ModelTarget old = document.targets().get(index);
    String oldModel = old.model();
    PolicyDocument renamed =
        update(
            document,
            index,
            t ->
                new ModelTarget(
                    newModel,
                    t.displayName(),
                    t.baseUrl(),
                    t.accessKeyRef(),
                    t.isDefault(),
                    t.providerInterface(),
                    t.extrasJson()));
    boolean stillDeclared = renamed.targets().stream().anyMatch(t -> t.model().equals(oldModel));
    if (stillDeclared) {
      // Another target still has the old id: routes keep pointing at that one.
      return renamed;
    }
    var domains = new ArrayList<Domain>();
    for (Domain domain : renamed.taxonomy().domains()) {
      var actions = new ArrayList<Action>();
      for (Action action : domain.actions()) {
        actions.add(action.withPolicy(rename(action.policy(), oldModel, newModel)));
      }
      PolicySettings coarse =
          domain.coarsePolicy() == null ? null : rename(domain.coarsePolicy(), oldModel, newModel);
      domains.add(domain.withCoarsePolicy(coarse).withActions(actions));
    }
    return renamed.withTaxonomy(new Taxonomy(domains));
  }

  /** How many routes name {@code model} as target or fallback. */
  static int usages(PolicyDocument document, String model) {
    return (int)
        document.taxonomy().policies().stream()
            .filter(p -> model.equals(p.targetModel()) || p.fallbackModels().contains(model))
            .count();
  }

  private static PolicySettings rename(PolicySettings policy, String oldModel, String newModel) {
    List<String> fallbacks =
        policy.fallbackModels().stream().map(m -> m.equals(oldModel) ? newModel : m).toList();
    String target = oldModel.equals(policy.targetModel()) ? newModel : policy.targetModel();
    return policy.withTargetModel(target).withFallbackModels(fallbacks);
  }
}
