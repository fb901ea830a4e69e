package io.routebench.core.workspace;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a user designs in one workspace, apart from suites and runs: the taxonomy, the model
 * targets, the prompt profile of the proxy they deploy to, the optional self-hosted router, what an
 * imported proxy config carried that RouteBench does not model, and how their serving engine wraps
 * the router prompt.
 *
 * @param selfHostedRouter the proxy's own router model, or {@code null}
 * @param promptWrapping how the server running the router wraps the prompt ({@link
 *     PromptWrapping#DEFAULT} when not said)
 */
public record PolicyDocument(
    String name,
    PromptProfile profile,
    Taxonomy taxonomy,
    List<ModelTarget> targets,
    SelfHostedRouter selfHostedRouter,
    ProxyConfigExtras proxyExtras,
    PromptWrapping promptWrapping) {

  public PolicyDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(taxonomy, "taxonomy");
    targets = List.copyOf(targets);
    proxyExtras = proxyExtras == null ? ProxyConfigExtras.NONE : proxyExtras;
    promptWrapping = promptWrapping == null ? PromptWrapping.DEFAULT : promptWrapping;
  }

  /** A document wrapped as {@link PromptWrapping#DEFAULT}. */
  public PolicyDocument(
      String name,
      PromptProfile profile,
      Taxonomy taxonomy,
      List<ModelTarget> targets,
      SelfHostedRouter selfHostedRouter,
      ProxyConfigExtras proxyExtras) {
    this(name, profile, taxonomy, targets, selfHostedRouter, proxyExtras, PromptWrapping.DEFAULT);
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
    return new PolicyDocument(
        newName, profile, taxonomy, targets, selfHostedRouter, proxyExtras, promptWrapping);
  }

  public PolicyDocument withProfile(PromptProfile newProfile) {
    return new PolicyDocument(
        name, newProfile, taxonomy, targets, selfHostedRouter, proxyExtras, promptWrapping);
  }

  public PolicyDocument withTaxonomy(Taxonomy newTaxonomy) {
    return new PolicyDocument(
        name, profile, newTaxonomy, targets, selfHostedRouter, proxyExtras, promptWrapping);
  }

  public PolicyDocument withTargets(List<ModelTarget> newTargets) {
    return new PolicyDocument(
        name, profile, taxonomy, newTargets, selfHostedRouter, proxyExtras, promptWrapping);
  }

  public PolicyDocument withSelfHostedRouter(SelfHostedRouter router) {
    return new PolicyDocument(
        name, profile, taxonomy, targets, router, proxyExtras, promptWrapping);
  }

  public PolicyDocument withPromptWrapping(PromptWrapping wrapping) {
    return new PolicyDocument(
        name, profile, taxonomy, targets, selfHostedRouter, proxyExtras, wrapping);
  }
}
