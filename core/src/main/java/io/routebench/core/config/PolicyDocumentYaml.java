package io.routebench.core.config;

import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The native policy document ({@code *.policy.yaml}, docs/formats.md): the whole taxonomy with ids,
 * targets and everything an imported proxy config carried, for version control. Lossless: {@code
 * read(write(document))} equals {@code document}.
 */
public final class PolicyDocumentYaml {

  /** The format version this RouteBench writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private PolicyDocumentYaml() {}

  public static PolicyDocument read(Path file) throws IOException {
    return read(file.getFileName().toString(), ConfigText.read(file));
  }

  /**
   * @param sourceName the file name, used in messages
   * @throws ConfigFormatException listing every problem with its line, column and key path; a file
   *     from a newer RouteBench is rejected before anything else is checked
   */
  public static PolicyDocument read(String sourceName, String text) {
    return PolicyDocumentReader.read(sourceName, text);
  }

  public static String write(PolicyDocument document) {
    return PolicyDocumentWriter.write(document);
  }
}
