package io.routebench.app.workspace;

import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Last line of defence when a workspace cannot take an edit (disk full, file removed, storage
 * failure): the document is written as a policy YAML beside the workspace, which the user can
 * import to get their work back.
 */
final class UnsavedChangesRescue {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private UnsavedChangesRescue() {}

  /**
   * @return the file written, e.g. {@code My workspace (unsaved 20250101-120000).policy.yaml}
   * @throws IOException when neither the workspace's folder nor {@code fallbackDir} takes the file
   */
  static Path write(Path workspace, PolicyDocument document, Path fallbackDir) throws IOException {
    String fileName =
        WorkspaceFiles.displayName(workspace)
            + " (unsaved "
            + LocalDateTime.now().format(STAMP)
            + ").policy.yaml";
    String yaml = PolicyDocumentYaml.write(document);
    Path besideWorkspace = workspace.toAbsolutePath().resolveSibling(fileName);
    try {
      return writeNew(besideWorkspace, yaml);
    } catch (IOException e) {
      Files.createDirectories(fallbackDir);
      return writeNew(fallbackDir.resolve(fileName), yaml);
    }
  }

  private static Path writeNew(Path file, String yaml) throws IOException {
    Files.writeString(file, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    return file;
  }
}
