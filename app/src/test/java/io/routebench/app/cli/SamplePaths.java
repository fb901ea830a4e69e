package io.routebench.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's sample-policies directory, found from the module's working directory. */
final class SamplePaths {

  static final List<String> SAMPLES =
      List.of("coding-assistant", "enterprise-assistant", "personal-assistant");

  private SamplePaths() {}

  static Path dir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("sample-policies");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "sample-policies not found above " + Path.of("").toAbsolutePath());
  }

  static Path policy(String sample) {
    return dir().resolve(sample + ".policy.yaml");
  }

  static Path suite(String sample) {
    return dir().resolve(sample + ".suite.jsonl");
  }
}
