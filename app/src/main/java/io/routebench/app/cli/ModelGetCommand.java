package io.routebench.app.cli;

import io.routebench.app.download.ArchRouterDownloads;
import io.routebench.app.download.DownloadText;
import io.routebench.app.settings.AppPaths;
import io.routebench.inference.download.ArchRouterGguf;
import io.routebench.inference.download.DownloadFailure;
import io.routebench.inference.download.DownloadListener;
import io.routebench.inference.download.DownloadProgress;
import io.routebench.inference.download.ModelDownloader;
import io.routebench.inference.download.PublishedFile;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routebench model get}: downloads Arch-Router's GGUF from Hugging Face for headless
 * machines and CI — verified against the published SHA-256, resumable, the path on stdout.
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description =
        "Downloads Arch-Router-1.5B as GGUF from Hugging Face ("
            + ArchRouterGguf.REPOSITORY
            + ") into the model folder, verifies its SHA-256 and prints its path. An interrupted download"
            + " resumes where it stopped. A file verified before is used without contacting the"
            + " hub. Honours HF_ENDPOINT (a mirror), HF_TOKEN and HF_HUB_OFFLINE=1. Exits 3"
            + " when it cannot download or verify the file.")
final class ModelGetCommand implements Callable<Integer> {

  private static final String ALTERNATIVES =
      "Without a download: pass a GGUF you already have with --model FILE.gguf, or a served"
          + " router with --endpoint URL (Ollama, vLLM, llama-server).";

  @Spec CommandSpec spec;

  @Option(
      names = "--quant",
      paramLabel = "QUANT",
      description = "the quantisation (default ${DEFAULT-VALUE}); --list shows what there is",
      defaultValue = ArchRouterGguf.DEFAULT_QUANT)
  String quant;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "where the model goes (default: the model folder, ROUTEBENCH_MODEL_DIR or"
              + " <data home>/models)")
  Path dir;

  @Option(names = "--yes", description = "accept the model's licence without asking")
  boolean yes;

  @Option(names = "--list", description = "list the published quantisations with their sizes")
  boolean list;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArchRouterDownloads downloads = ArchRouterDownloads.fromSystem();
    if (list) {
      Optional<ArchRouterDownloads.Catalogue> catalogue = catalogue(downloads, err);
      if (catalogue.isEmpty()) {
        throw CliFailure.couldNotRun("Cannot list the published files. " + ALTERNATIVES);
      }
      for (PublishedFile file : catalogue.get().files()) {
        String q = ArchRouterGguf.quantOf(file.name()).orElseThrow();
        out.printf(
            Locale.ROOT,
            "%-8s %10s  %s%s%n",
            q,
            DownloadText.size(file.size()),
            file.name(),
            q.equals(ArchRouterGguf.DEFAULT_QUANT) ? "  (default)" : "");
      }
      return ExitStatus.OK.code();
    }
    Path directory = dir != null ? dir : AppPaths.fromSystem().modelDir();
    var interruption = new Interruption();
    interruption.install();
    try {
      // A file verified before is used as it is: no hub, no network (HF_HUB_OFFLINE, CI).
      Optional<ModelDownloader.Downloaded> cached =
          downloads.verifiedCopy(quant, directory, new StderrProgress(err), interruption);
      if (cached.isPresent()) {
        err.println(
            "Already downloaded and verified (its SHA-256 is the one recorded when it was"
                + " downloaded); the hub was not asked.");
        out.println(cached.get().file());
        return ExitStatus.OK.code();
      }
      if (downloads.offline()) {
        throw CliFailure.couldNotRun(
            "HF_HUB_OFFLINE is set and "
                + directory
                + " holds no verified "
                + ArchRouterGguf.fileName(quant)
                + ": download it once with the network (unset HF_HUB_OFFLINE), or copy a"
                + " verified one there with its .sha256 file. "
                + ALTERNATIVES);
      }
      PublishedFile file = chosenFile(catalogue(downloads, err));
      err.println(ArchRouterGguf.LICENCE_SUMMARY);
      if (!yes && !confirmed(err, file)) {
        return ExitStatus.USAGE.code();
      }
      err.println(
          "Downloading "
              + file.name()
              + (file.size() >= 0 ? " (" + DownloadText.size(file.size()) + ")" : "")
              + " into "
              + directory);
      var downloaded = downloads.download(file, directory, new StderrProgress(err), interruption);
      if (downloaded.alreadyPresent()) {
        err.println("Already downloaded and verified.");
      } else if (downloaded.resumedFrom() > 0) {
        err.println("Resumed after " + DownloadText.size(downloaded.resumedFrom()) + ".");
      }
      out.println(downloaded.file());
      return ExitStatus.OK.code();
    } catch (DownloadFailure failure) {
      throw CliFailure.couldNotRun(DownloadText.withAlternatives(failure, ALTERNATIVES));
    } catch (CancellationException cancelled) {
      Path part = directory.resolve(ArchRouterGguf.fileName(quant) + ".part");
      err.println(
          "Interrupted."
              + (Files.exists(part)
                  ? " What was downloaded is kept in "
                      + part
                      + ": run the same command again to resume it, or delete it and "
                      + part.getFileName()
                      + ".properties beside it to start over."
                  : ""));
      err.flush();
      return ExitStatus.COULD_NOT_RUN.code();
    } finally {
      interruption.finished();
    }
  }

  /**
   * Ctrl-C (or SIGTERM) during a download: the JVM would stop the download thread wherever it is,
   * leaving a lock file behind and saying nothing. Instead the download is cancelled at its next
   * read, cleans up, and says where the part is kept; then the JVM exits.
   */
  private static final class Interruption implements BooleanSupplier {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook =
        new Thread(
            () -> {
              requested.set(true);
              try {
                done.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "routebench-download-interrupt");

    void install() {
      Runtime.getRuntime().addShutdownHook(hook);
    }

    void finished() {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: Ctrl-C came, and it waits for this.
      }
    }

    @Override
    public boolean getAsBoolean() {
      return requested.get();
    }
  }

  private Optional<ArchRouterDownloads.Catalogue> catalogue(
      ArchRouterDownloads downloads, PrintWriter err) {
    try {
      return Optional.of(downloads.catalogue(() -> false));
    } catch (DownloadFailure failure) {
      if (failure.reason() == DownloadFailure.Reason.UNREACHABLE
          || failure.reason() == DownloadFailure.Reason.OFFLINE) {
        throw CliFailure.couldNotRun(DownloadText.withAlternatives(failure, ALTERNATIVES));
      }
      // The download itself still learns the SHA-256 from the hub's answer (X-Linked-Etag).
      err.println(
          "routebench: cannot read the file list ("
              + failure.getMessage()
              + "); asking for the file by name");
      return Optional.empty();
    }
  }

  private PublishedFile chosenFile(Optional<ArchRouterDownloads.Catalogue> catalogue) {
    if (catalogue.isEmpty()) {
      return new PublishedFile(ArchRouterGguf.fileName(quant), -1, null);
    }
    return catalogue.get().files().stream()
        .filter(f -> ArchRouterGguf.quantOf(f.name()).orElse("").equalsIgnoreCase(quant))
        .findFirst()
        .orElseThrow(
            () ->
                new CliFailure(
                    "No quantisation "
                        + quant
                        + " in "
                        + ArchRouterGguf.REPOSITORY
                        + "; published: "
                        + catalogue.get().files().stream()
                            .map(f -> ArchRouterGguf.quantOf(f.name()).orElseThrow())
                            .collect(Collectors.joining(", ")),
                    ExitStatus.USAGE));
  }

  private static boolean confirmed(PrintWriter err, PublishedFile file) {
    Console console = System.console();
    if (console == null) {
      err.println(
          "routebench: pass --yes to accept the licence and download without a terminal to ask"
              + " in.");
      return false;
    }
    String answer =
        console.readLine(
            "Accept the licence and download %s? [y/N] ",
            file.size() >= 0 ? DownloadText.size(file.size()) : file.name());
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }

  /**
   * Progress for a terminal (one line, rewritten) or a log (a line every 10 %, so CI logs stay
   * short).
   */
  private static final class StderrProgress implements DownloadListener {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private int lastDecile = -1;
    private boolean lineOpen;

    StderrProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void progress(DownloadProgress progress) {
      if (progress.phase() == DownloadProgress.Phase.CONNECTING) {
        return;
      }
      String line = DownloadText.progress(progress);
      if (terminal) {
        err.print("\r" + line + "\033[K");
        err.flush();
        lineOpen = true;
        if (progress.phase() == DownloadProgress.Phase.VERIFIED) {
          err.println();
          lineOpen = false;
        }
        return;
      }
      int decile = (int) Math.floor(Math.max(0, progress.fraction()) * 10);
      if (progress.phase() == DownloadProgress.Phase.VERIFIED
          || progress.phase() == DownloadProgress.Phase.DOWNLOADING && decile > lastDecile) {
        lastDecile = decile;
        err.println(line);
      }
    }

    @Override
    public void notice(String message) {
      if (lineOpen) {
        err.println();
        lineOpen = false;
      }
      err.println(message);
    }
  }
}
