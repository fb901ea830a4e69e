package io.routebench.app.shell;

import io.routebench.app.workspace.WorkspaceFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file choosers of the window's File menu, each starting in the open workspace's folder (or the
 * default workspace folder); an empty answer means the user cancelled.
 */
final class FileChoosers {

  private final Window owner;
  private final Supplier<Path> startFolder;

  /**
   * @param startFolder where a chooser opens
   */
  FileChoosers(Window owner, Supplier<Path> startFolder) {
    this.owner = owner;
    this.startFolder = startFolder;
  }

  /** Where to create a new workspace (not yet checked for existence). */
  Optional<Path> newWorkspace() {
    var chooser = workspaceChooser("New workspace");
    chooser.setInitialFileName("Routing policies" + WorkspaceFiles.EXTENSION);
    return answer(chooser.showSaveDialog(owner)).map(file -> WorkspaceFiles.withExtension(file));
  }

  Optional<Path> openWorkspace() {
    return answer(workspaceChooser("Open workspace").showOpenDialog(owner));
  }

  /** A proxy config or a policy document to import. */
  Optional<Path> policiesToImport() {
    var chooser = new FileChooser();
    chooser.setTitle("Import policies");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Proxy configs and policy documents (*.yaml, *.yml)", "*.yaml", "*.yml"),
            new FileChooser.ExtensionFilter("All files", "*"));
    startIn(chooser);
    return answer(chooser.showOpenDialog(owner));
  }

  /** A JSONL suite file to import test cases from. */
  Optional<Path> testCasesToImport() {
    var chooser = new FileChooser();
    chooser.setTitle("Import test cases");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Test suites (*.jsonl)", "*.jsonl"),
            new FileChooser.ExtensionFilter("All files", "*"));
    startIn(chooser);
    return answer(chooser.showOpenDialog(owner));
  }

  /** Where to write a suite as JSONL. */
  Optional<Path> suiteExport(String suggestedName) {
    var chooser = new FileChooser();
    chooser.setTitle("Export test suite");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Test suites (*.jsonl)", "*.jsonl"));
    chooser.setInitialFileName(suggestedName);
    startIn(chooser);
    return answer(chooser.showSaveDialog(owner));
  }

  private FileChooser workspaceChooser(String title) {
    var chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                "RouteBench workspaces", "*" + WorkspaceFiles.EXTENSION));
    startIn(chooser);
    return chooser;
  }

  private void startIn(FileChooser chooser) {
    Path initial = startFolder.get();
    if (initial != null && Files.isDirectory(initial)) {
      chooser.setInitialDirectory(initial.toFile());
    }
  }

  private static Optional<Path> answer(File file) {
    return Optional.ofNullable(file).map(File::toPath);
  }
}
