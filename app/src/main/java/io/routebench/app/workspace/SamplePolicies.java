package io.routebench.app.workspace;

import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample taxonomies bundled in the jar (copied from {@code sample-policies/} at build time).
 */
public final class SamplePolicies {

  /** The sample a new user's first workspace starts with. */
  public static final String CODING_ASSISTANT = "coding-assistant.policy.yaml";

  private static final String RESOURCE_FOLDER = "/io/routebench/app/samples/";

  private SamplePolicies() {}

  public static PolicyDocument load(String fileName) {
    String resource = RESOURCE_FOLDER + fileName;
    try (InputStream in = SamplePolicies.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sample " + fileName + " is missing from the RouteBench jar (" + resource + ")");
      }
      return PolicyDocumentYaml.read(
          fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled sample " + fileName, e);
    }
  }
}
