package io.routebench.storage.faults;

import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.storage.Samples;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Run in a separate JVM: holds a workspace open the way the workbench does and edits it on command,
 * one line of standard input per command, acknowledging each on standard output once it returned
 * (which is when the workbench shows "Saved"):
 *
 * <ul>
 *   <li>{@code save NAME}: saves the policy document renamed to NAME; answers {@code ACK NAME}
 *   <li>{@code burst N}: saves N documents named {@code edit-0} … as fast as it can, acknowledging
 *       each
 *   <li>{@code case}: adds a test case to the suite "Playtests", as "Save as test case" does
 *   <li>{@code stray}: opens and closes a second descriptor of the file with plain Java I/O, as a
 *       file chooser sniffing the file's type or a header check does
 * </ul>
 */
public final class EditorProcess {

  private EditorProcess() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Workspace workspace = WorkspaceFile.open(file);
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("READY");
    System.out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] command = line.split(" ", 2);
      switch (command[0]) {
        case "save" -> save(workspace, command[1]);
        case "burst" -> {
          for (int i = 0; i < Integer.parseInt(command[1]); i++) {
            save(workspace, "edit-" + i);
          }
        }
        case "case" -> {
          TestSuite suite =
              workspace
                  .suites()
                  .findSuiteByName("Playtests")
                  .orElseGet(() -> workspace.suites().createSuite("Playtests", ""));
          workspace
              .suites()
              .addCases(
                  suite.id(),
                  List.of(
                      new TestCase(
                          UUID.randomUUID().toString(),
                          "saved from the playtest",
                          List.of(),
                          "",
                          List.of(CaseMessage.user("write a parser", "code generation")))));
          System.out.println("ACK case");
        }
        case "stray" -> {
          try (InputStream stray = Files.newInputStream(file)) {
            stray.readNBytes(100);
          }
          System.out.println("ACK stray");
        }
        default -> throw new IllegalArgumentException("unknown command " + line);
      }
      System.out.flush();
    }
    workspace.close();
  }

  private static void save(Workspace workspace, String name) {
    workspace.policies().save(Samples.fullDocument().withName(name));
    System.out.println("ACK " + name);
  }
}
