package io.routebench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --dir}: where a benchmark writes its generated inputs and workspaces. */
final class ScratchFolder {

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "scratch folder (default: a new temporary one)")
  Path dir;

  /** {@code --dir}, created if need be, or a new temporary folder. */
  Path folder() throws IOException {
    return dir != null
        ? Files.createDirectories(dir)
        : Files.createTempDirectory("routebench-bench");
  }

  /** A workspace file and whatever SQLite kept beside it. */
  static void deleteWorkspace(Path workspaceFile) throws IOException {
    for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
      Files.deleteIfExists(workspaceFile.resolveSibling(workspaceFile.getFileName() + suffix));
    }
  }
}
