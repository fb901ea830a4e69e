package io.routebench.app.cli;

import io.routebench.core.routing.PromptProfile;
import picocli.CommandLine.Option;

/** {@code --profile}: which proxy's router prompt to use. */
final class ProfileOption {

  @Option(
      names = "--profile",
      converter = ProfileConverter.class,
      description = "archgw-v1 or plano-v1 (default: the profile of the policies read)")
  PromptProfile profile;

  /** The profile given, or the policies' own. */
  PromptProfile orElse(PromptProfile policies) {
    return profile != null ? profile : policies;
  }
}
