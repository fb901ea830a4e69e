package io.routebench.app.suites;

import io.routebench.app.files.AtomicFiles;
import io.routebench.app.forms.ExpiringMessage;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.jsonl.SuiteJsonlReader;
import io.routebench.core.suite.jsonl.SuiteJsonlResult;
import io.routebench.core.suite.jsonl.SuiteJsonlWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Test cases in and out of JSONL files (the CLI's format): reading and writing on the file thread,
 * importing as one undoable edit. Confined to the UI thread.
 */
final class SuiteJsonlFiles {

  private final TaskExecutor io;
  private final ExpiringMessage message;
  private final LoadedSuites loaded;
  private final SuiteListEdits suiteEdits;
  private final SuiteCaseEdits caseEdits;

  SuiteJsonlFiles(
      TaskExecutor io,
      ExpiringMessage message,
      LoadedSuites loaded,
      SuiteListEdits suiteEdits,
      SuiteCaseEdits caseEdits) {
    this.io = Objects.requireNonNull(io);
    this.message = Objects.requireNonNull(message);
    this.loaded = Objects.requireNonNull(loaded);
    this.suiteEdits = Objects.requireNonNull(suiteEdits);
    this.caseEdits = Objects.requireNonNull(caseEdits);
  }

  /** Reads {@code file}; {@code read} gets the good cases and every bad line. */
  void read(Path file, Consumer<SuiteJsonlResult> read) {
    io.execute(
        BackgroundTask.of("Reading " + file.getFileName(), progress -> SuiteJsonlReader.read(file))
            .onSuccess(read)
            .onFailure(
                failure ->
                    message.showUntilCleared(
                        "Could not read " + file + ": " + failure.getMessage())));
  }

  /**
   * Imports cases read from {@code file} into the selected suite, or into a new suite named after
   * the file when none is selected; one undo step.
   */
  void importCases(Path file, List<TestCase> cases) {
    String label = "import " + cases.size() + " cases";
    if (loaded.suite() != null) {
      caseEdits.addCases(label, cases);
    } else {
      suiteEdits.newSuiteWith(
          label,
          file.getFileName().toString().replaceFirst("\\.jsonl$", ""),
          "Imported from " + file,
          cases);
    }
    message.show("Imported " + cases.size() + " cases from " + file.getFileName());
  }

  /** Writes the selected suite's cases to {@code file}. */
  void export(Path file) {
    TestSuite current = loaded.suite();
    if (current == null) {
      return;
    }
    List<TestCase> cases = current.cases();
    io.execute(
        BackgroundTask.ofAction(
                "Exporting " + current.name(),
                () -> {
                  var text = new StringWriter();
                  SuiteJsonlWriter.write(cases, text);
                  AtomicFiles.writeString(file, text.toString());
                })
            .onSuccess(done -> message.show("Exported " + cases.size() + " cases to " + file))
            .onFailure(
                failure ->
                    message.showUntilCleared(
                        "Could not export to " + file + ": " + failure.getMessage())));
  }
}
