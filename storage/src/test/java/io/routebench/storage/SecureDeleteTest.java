package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a workspace no longer holds is gone from the file, not left in its free pages. */
class SecureDeleteTest {

  private static final String KEY = "sk-proj-LiteralKeyThatWasReplaced0123456789";

  @TempDir Path dir;

  @Test
  void a_replaced_literal_key_leaves_no_byte_of_itself_in_the_file() throws Exception {
    Path file = dir.resolve("w.routebench");
    PolicyDocument document = Samples.fullDocument();
    var withKey = new ArrayList<>(document.targets());
    withKey.add(new ModelTarget("acme/leaky", null, null, KEY, false, null, "{}"));
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.policies().save(document.withTargets(withKey));
    }
    assertThat(contains(file, KEY)).as("the key is stored before the replacement").isTrue();

    try (Workspace workspace = WorkspaceFile.open(file)) {
      workspace.policies().save(document.withTargets(List.copyOf(document.targets())));
    }

    assertThat(contains(file, KEY)).isFalse();
    assertThat(contains(file, KEY.substring(8, 28))).isFalse();
  }

  private static boolean contains(Path file, String text) throws Exception {
    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    return bytes.contains(text);
  }
}
