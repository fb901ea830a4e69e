package io.routebench.core.workspace;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a user designs in one workspace, apart from suites and runs: the taxonomy, the model
 * targets, the prompt profile of the proxy they deploy to, the optional self-hosted router and what
 * an imported proxy config carried that RouteBench does not model.
 *
 * @param selfHostedRouter the proxy's own router model, or {@code null}
 */
public record PolicyDocument(
    String name,
    PromptProfile profile,
    Taxonomy taxonomy,
    List<ModelTarget> targets,
    SelfHostedRouter selfHostedRouter,
    ProxyConfigExtras proxyExtras) {

  public PolicyDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(taxonomy, "taxonomy");
    targets = List.copyOf(targets);
    proxyExtras = proxyExtras == null ? ProxyConfigExtras.NONE : proxyExtras;
  }

  public static PolicyDocument empty(String name) {
    return new PolicyDocument(
        name, PromptProfile.ARCHGW_V1, Taxonomy.EMPTY, List.of(), null, ProxyConfigExtras.NONE);
  }

  public Optional<ModelTarget> defaultTarget() {
    return targets.stream().filter(ModelTarget::isDefault).findFirst();
  }

  public Optional<ModelTarget> targetByModel(String model) {
    return targets.stream().filter(t -> t.model().equals(model)).findFirst();
  }

  public PolicyDocument withName(String newName) {
    return new PolicyDocument(newName, profile, taxonomy, targets, selfHostedRouter, proxyExtras);
  }

  public PolicyDocument withProfile(PromptProfile newProfile) {
    return new PolicyDocument(name, newProfile, taxonomy, targets, selfHostedRouter, proxyExtras);
  }

  public PolicyDocument withTaxonomy(Taxonomy newTaxonomy) {
    return new PolicyDocument(name, profile, newTaxonomy, targets, selfHostedRouter, proxyExtras);
  }

  public PolicyDocument withTargets(List<ModelTarget> newTargets) {
    return new PolicyDocument(name, profile, taxonomy, newTargets, selfHostedRouter, proxyExtras);
  }

  public PolicyDocument withSelfHostedRouter(SelfHostedRouter router) {
    return new PolicyDocument(name, profile, taxonomy, targets, router, proxyExtras);
  }
}
