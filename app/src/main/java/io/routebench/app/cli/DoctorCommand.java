package io.routebench.app.cli;

import io.routebench.app.files.AtomicFiles;
import io.routebench.core.conversation.Message;
import io.routebench.core.doctor.Candidate;
import io.routebench.core.doctor.CollisionProbes;
import io.routebench.core.doctor.Confusion;
import io.routebench.core.doctor.DescriptionDoctor;
import io.routebench.core.doctor.DoctorRefusedException;
import io.routebench.core.doctor.LlmRewrites;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.StoringRunRecorder;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.StreamingChatClient;
import io.routebench.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routebench doctor}: proposes description edits for a suite's failures and verifies each
 * with the router before printing it, ranked by turns fixed net. Nothing is changed unless {@code
 * --apply N} names a verified improvement.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Proposes description edits for a suite's failed turns and verifies every one with the"
            + " router (the suite, or a sample of it, decided again under the edit) before"
            + " showing it: turns fixed and broken, metric deltas, ranked by net effect."
            + " Nothing is changed without --apply.")
final class DoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--workspace", required = true, paramLabel = "W")
  Path workspaceFile;

  @Option(names = "--suite", paramLabel = "NAME", description = "the suite whose failures to treat")
  String suiteName;

  @Option(
      names = "--collisions",
      description =
          "treat the collision check instead of a suite: each policy's description is routed, and"
              + " one that lands on another route gets verified edits")
  boolean collisions;

  @Mixin EngineOptions engine;

  @Option(
      names = "--run",
      paramLabel = "RUN",
      description =
          "the run whose failures to treat (default: the suite's latest completed run made with"
              + " this router and the workspace's current policies; without one, the suite is"
              + " run first)")
  String runId;

  @Option(
      names = "--budget",
      paramLabel = "N",
      description = "the most router decisions verification may make (default: no cap)")
  int budget;

  @Option(
      names = "--sample",
      paramLabel = "TURNS",
      description =
          "verify each candidate on about this many user turns: the failed turns' cases and a"
              + " sample of the rest, stratified by route (default: the whole suite)")
  int sample;

  @Option(names = "--seed", paramLabel = "N", description = "draws the sample (default: 1)")
  long seed = 1;

  @Option(
      names = "--llm",
      paramLabel = "URL",
      description =
          "also ask this OpenAI-compatible chat model for rewrites (off by default; the prompt"
              + " it receives is printed first)")
  String llmUrl;

  @Option(names = "--llm-model", paramLabel = "MODEL", description = "the model id for --llm")
  String llmModel;

  @Option(
      names = "--llm-key-env",
      paramLabel = "VAR",
      description = "the environment variable holding --llm's API key (never the key)")
  String llmKeyVariable = "";

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "write every verified candidate with its effect as JSON")
  Path json;

  @Option(
      names = "--apply",
      paramLabel = "N",
      description = "apply improvement N of the list printed (1 = the best) to the workspace")
  Integer apply;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (budget < 0 || sample < 0) {
      throw new CliFailure("--budget and --sample take 0 (no limit) or more", 2);
    }
    if ((suiteName != null) == collisions) {
      throw new CliFailure("name a --suite, or give --collisions", 2);
    }
    if (collisions && runId != null) {
      throw new CliFailure("--run names a suite's run; --collisions makes its own check", 2);
    }
    if ((llmUrl == null) != (llmModel == null)) {
      throw new CliFailure("--llm and --llm-model go together", 2);
    }
    return WorkspaceFiles.withWorkspace(
        workspaceFile,
        err,
        workspace -> {
          PolicyDocument document =
              WorkspaceInputs.validPolicies(workspace, workspaceFile, err, "the doctor runs");
          TestSuite suite =
              collisions
                  ? CollisionProbes.suite(document)
                  : WorkspaceInputs.suiteNamed(workspace, workspaceFile, suiteName);
          var cancellation = new CancellationToken();
          Thread interruptHook = new Thread(cancellation::cancel);
          Runtime.getRuntime().addShutdownHook(interruptHook);
          try (RouteSelector selector =
              engine.open(err, document.profile(), document.promptWrapping())) {
            RegressionRun run =
                collisions
                    ? collisionCheck(document, suite, selector, err, cancellation)
                    : baselineRun(workspace, document, suite, selector, err, cancellation);
            DescriptionDoctor doctor;
            try {
              doctor =
                  collisions
                      ? DescriptionDoctor.forCollisions(run, document)
                      : DescriptionDoctor.forRun(run, document, suite);
            } catch (DoctorRefusedException refused) {
              throw CliFailure.problems(refused.getMessage());
            }
            List<Confusion> confusions = doctor.confusions();
            if (confusions.isEmpty()) {
              out.println(
                  collisions
                      ? "Every description routes to its own policy: no collision to treat."
                      : "Run " + run.id() + " has no failed turns: nothing to treat.");
              return 0;
            }
            out.println(
                collisions
                    ? "Descriptions the router gives to another route:"
                    : "Confusions in run " + run.id() + ":");
            confusions.forEach(c -> out.println("  " + c.label()));
            List<Candidate> candidates = new ArrayList<>(doctor.ruleCandidates());
            if (llmUrl != null) {
              candidates.addAll(llmCandidates(doctor, confusions, err, cancellation));
            }
            var plan =
                doctor.plan(candidates, new DescriptionDoctor.Settings(sample, budget, seed));
            err.printf(
                Locale.ROOT,
                "Verifying %d of %d candidate(s) on %d turn(s) each: %d decision(s)%s...%n",
                plan.withinBudget(),
                plan.candidates().size(),
                plan.turnsPerCandidate(),
                plan.decisions(),
                plan.overBudget() == 0
                    ? ""
                    : " (--budget " + budget + " leaves " + plan.overBudget() + " unverified)");
            err.flush();
            DescriptionDoctor.Report result;
            try {
              result = doctor.verify(plan, selector, new ProgressLine(err)::decided, cancellation);
            } catch (DoctorRefusedException refused) {
              throw CliFailure.problems(refused.getMessage());
            }
            DoctorReportText.print(out, result);
            if (json != null) {
              write(json, DoctorReportJson.render(run, result));
            }
            if (!result.failure().isEmpty()) {
              err.println("verification stopped: " + result.failure());
            }
            if (apply != null) {
              applyImprovement(workspace, document, result, out);
            }
            return result.failure().isEmpty() ? 0 : 1;
          } finally {
            try {
              Runtime.getRuntime().removeShutdownHook(interruptHook);
            } catch (IllegalStateException shuttingDown) {
              // Ctrl-C: the hook is running, and has cancelled the verification.
            }
          }
        });
  }

  /**
   * The run {@code --run} names, or the suite's latest completed run the doctor can compare its
   * decisions with; without one, a new run of the suite, stored like any other.
   */
  private RegressionRun baselineRun(
      Workspace workspace,
      PolicyDocument document,
      TestSuite suite,
      RouteSelector selector,
      PrintWriter err,
      CancellationToken cancellation) {
    if (runId != null) {
      RegressionRun run =
          workspace
              .runs()
              .findRun(runId)
              .orElseThrow(
                  () -> CliFailure.problems("no run with id " + runId + " in " + workspaceFile));
      if (!run.suiteId().equals(suite.id())) {
        throw CliFailure.problems(
            "run "
                + runId
                + " is a run of suite \""
                + run.suiteName()
                + "\", not of \""
                + suiteName
                + "\"");
      }
      return run;
    }
    var engineNow = selector.identity(document.profile());
    for (var summary : workspace.runs().listRuns(suite.id())) {
      if (summary.status() != RunStatus.COMPLETED) {
        continue;
      }
      RegressionRun run = workspace.runs().findRun(summary.id()).orElse(null);
      if (run != null && run.engine().equals(engineNow) && comparable(run, document, suite)) {
        err.println("Treating run " + run.id() + " (" + run.startedAt() + ").");
        return run;
      }
    }
    int turns = suite.cases().stream().mapToInt(c -> c.userTurnIndexes().size()).sum();
    err.printf(
        "No run of \"%s\" with this router and these policies yet: running its %d turn(s) first...%n",
        suite.name(), turns);
    err.flush();
    RegressionRun run =
        new RegressionRunner()
            .run(
                selector,
                document,
                suite,
                (index, answer, done, total) -> {},
                cancellation,
                new StoringRunRecorder(workspace.runs()));
    if (run.status() != RunStatus.COMPLETED) {
      throw CliFailure.problems(
          "the suite's run did not complete ("
              + run.status().name().toLowerCase(Locale.ROOT)
              + (run.failureMessage().isEmpty() ? "" : ": " + run.failureMessage())
              + ")");
    }
    return run;
  }

  /** The collision check's decisions, as a run of its probes (not stored: it is no suite's). */
  private static RegressionRun collisionCheck(
      PolicyDocument document,
      TestSuite probes,
      RouteSelector selector,
      PrintWriter err,
      CancellationToken cancellation) {
    err.printf("Routing the %d policies' own descriptions...%n", probes.cases().size());
    err.flush();
    RegressionRun run =
        new RegressionRunner()
            .run(selector, document, probes, (index, answer, done, total) -> {}, cancellation);
    if (run.status() != RunStatus.COMPLETED) {
      throw CliFailure.problems(
          "the collision check did not complete"
              + (run.failureMessage().isEmpty() ? "" : ": " + run.failureMessage()));
    }
    return run;
  }

  private static boolean comparable(RegressionRun run, PolicyDocument document, TestSuite suite) {
    try {
      DescriptionDoctor.forRun(run, document, suite);
      return true;
    } catch (DoctorRefusedException notComparable) {
      return false;
    }
  }

  private List<Candidate> llmCandidates(
      DescriptionDoctor doctor,
      List<Confusion> confusions,
      PrintWriter err,
      CancellationToken cancellation) {
    var endpoint = new OpenAiEndpointSettings(llmUrl, llmModel, llmKeyVariable);
    try (var client = new StreamingChatClient()) {
      return doctor
          .llmRewrites()
          .ask(
              confusions,
              (prompt, token) -> client.reply(endpoint, prompt, text -> {}, token),
              cancellation,
              new LlmRewrites.Asking() {
                @Override
                public void asking(Confusion confusion, List<Message> prompt) {
                  err.println(
                      "Asking "
                          + llmModel
                          + " at "
                          + llmUrl
                          + " to rewrite for "
                          + confusion.label()
                          + ". Its prompt:");
                  err.println(LlmRewrites.shown(prompt).indent(4).stripTrailing());
                  err.flush();
                }

                @Override
                public void nothing(Confusion confusion, String why) {
                  err.println("  no rewrite: " + why);
                }

                @Override
                public void failed(String why) {
                  err.println("  no rewrite: " + why + " (the other confusions are not asked)");
                }
              });
    }
  }

  private void applyImprovement(
      Workspace workspace,
      PolicyDocument document,
      DescriptionDoctor.Report result,
      PrintWriter out) {
    var improvements = result.improvements();
    if (apply < 1 || apply > improvements.size()) {
      throw CliFailure.problems(
          "--apply "
              + apply
              + ": there "
              + (improvements.size() == 1
                  ? "is 1 verified improvement"
                  : "are " + improvements.size() + " verified improvements"));
    }
    Candidate chosen = improvements.get(apply - 1).candidate();
    workspace.policies().save(chosen.applyTo(document));
    out.println(
        "Applied improvement "
            + apply
            + " ("
            + chosen.summary()
            + ")."
            + (collisions
                ? " Check again with `routebench collisions --workspace " + workspaceFile + "`."
                : " The suite's runs are now stale: run `routebench test --workspace "
                    + workspaceFile
                    + " --suite \""
                    + suiteName
                    + "\"` to record the effect."));
  }

  private static void write(Path file, String text) {
    try {
      AtomicFiles.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A progress line on stderr at most every 10% of the planned decisions, with time left. */
  private static final class ProgressLine {
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private int lastDecile = -1;

    ProgressLine(PrintWriter err) {
      this.err = err;
    }

    void decided(int done, int planned) {
      int decile = planned == 0 ? 10 : done * 10 / planned;
      if (decile == lastDecile) {
        return;
      }
      lastDecile = decile;
      double seconds = (System.nanoTime() - start) / 1e9;
      double left = done == 0 ? 0 : seconds / done * (planned - done);
      err.printf(
          Locale.ROOT,
          "  %d/%d decisions (%.0f s, about %.0f s left)%n",
          done,
          planned,
          seconds,
          left);
      err.flush();
    }
  }
}
