package io.routebench.app.cli;

import io.routebench.core.routing.PromptProfile;
import picocli.CommandLine;

/** Reads {@code archgw-v1} / {@code plano-v1} from the command line. */
final class ProfileConverter implements CommandLine.ITypeConverter<PromptProfile> {

  @Override
  public PromptProfile convert(String value) {
    try {
      return PromptProfile.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
