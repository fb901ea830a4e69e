package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.routebench.core.routing.PromptProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {

  @Test
  void bundled_templates_equal_the_reference_notes_byte_for_byte() throws IOException {
    Path reference = referenceDirectory();
    assumeTrue(reference != null, "../shared/reference is not beside this checkout");

    assertThat(resourceBytes(PromptProfile.ARCHGW_V1))
        .isEqualTo(Files.readAllBytes(reference.resolve("arch-router-v1-template.txt")));
    assertThat(resourceBytes(PromptProfile.PLANO_V1))
        .isEqualTo(Files.readAllBytes(reference.resolve("plano-orchestrator-v1-template.txt")));
  }

  @Test
  void template_sizes_give_the_budget_starting_counts_of_the_notes() {
    assertThat(Utf8Budget.byteLength(PromptTemplates.of(PromptProfile.ARCHGW_V1))).isEqualTo(856);
    assertThat(Utf8Budget.byteLength(PromptTemplates.of(PromptProfile.PLANO_V1))).isEqualTo(846);
  }

  @Test
  void routes_are_filled_first_and_conversation_everywhere_after_like_the_proxies() {
    // A {conversation} inside the routes is replaced too (production does the same); the inserted
    // conversation is never rescanned, so a {routes} in a message stays as written.
    assertThat(PromptTemplates.fill("<{routes}|{conversation}>", "r{conversation}", "c{routes}"))
        .isEqualTo("<rc{routes}|c{routes}>");
  }

  @Test
  void placeholders_inside_the_inserted_routes_are_not_filled_again_with_routes() {
    assertThat(PromptTemplates.fill("{routes}/{conversation}", "{routes}", "c"))
        .isEqualTo("{routes}/c");
  }

  private static byte[] resourceBytes(PromptProfile profile) throws IOException {
    try (InputStream in =
        PromptTemplates.class.getResourceAsStream(PromptTemplates.resourceName(profile))) {
      return in.readAllBytes();
    }
  }

  /** {@code ../shared/reference} relative to the repository root, found from the working dir up. */
  private static Path referenceDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("reference");
      if (Files.isRegularFile(candidate.resolve("arch-router-v1-template.txt"))) {
        return candidate;
      }
    }
    return null;
  }
}
