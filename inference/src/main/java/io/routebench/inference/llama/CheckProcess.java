package io.routebench.inference.llama;

import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RoutingCancelledException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of {@link FirstLoadCheckMain} in its own process, watched: each phase has a deadline, and
 * on Linux the process's resident memory is read while it renders the chat template. A process past
 * a limit is killed, with whatever it started (a debugger llama.cpp may attach on an assertion).
 */
final class CheckProcess {

  /** How far the child got: the part of the file at fault when it fails. */
  enum Phase {
    STARTING,
    TEMPLATE,
    MODEL
  }

  /** Why the parent stopped the child, if it did. */
  enum Stop {
    NONE,
    TIME,
    MEMORY
  }

  /**
   * @param exitCode the process's exit status (128 + the signal when a signal ended it)
   * @param phase the last phase the child announced
   * @param refusal the message of a load llama.cpp failed without crashing
   * @param output the last lines the process wrote that were not protocol (llama.cpp's log, an
   *     assertion, a JVM crash summary), oldest first
   * @param limit the limit that was passed (a duration or a byte count), for the message
   */
  record Outcome(
      int exitCode,
      Phase phase,
      Stop stoppedFor,
      String limit,
      boolean passed,
      Optional<String> refusal,
      List<String> warnings,
      List<String> output) {}

  private static final Duration POLL = Duration.ofMillis(50);
  private static final int TAIL_LINES = 200;
  private static final int MAX_LINE = 1_000;

  private final Object lock = new Object();
  private Phase phase = Phase.STARTING;
  private long phaseStartedNanos = System.nanoTime();
  private boolean passed;
  private String refusal;
  private final List<String> warnings = new ArrayList<>();
  private final Deque<String> output = new ArrayDeque<>();

  private CheckProcess() {}

  /**
   * Runs {@code command} in {@code workDir} to its end or until a limit stops it.
   *
   * @param loadTime the model phase's deadline
   * @param watchMemory whether {@code /proc} lets this process read the child's memory
   * @param cancellation the user giving up the load: the child is killed within one poll
   * @throws InterruptedException after killing the child, when the calling thread is interrupted
   * @throws RoutingCancelledException after killing the child, when {@code cancellation} is
   *     cancelled
   */
  static Outcome run(
      List<String> command,
      Path workDir,
      LoadCheckLimits limits,
      Duration loadTime,
      boolean watchMemory,
      CancellationToken cancellation)
      throws IOException, InterruptedException {
    return new CheckProcess().watch(command, workDir, limits, loadTime, watchMemory, cancellation);
  }

  private Outcome watch(
      List<String> command,
      Path workDir,
      LoadCheckLimits limits,
      Duration loadTime,
      boolean watchMemory,
      CancellationToken cancellation)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(workDir.toFile());
    // Fewer malloc arenas keep the address space near what is used (ulimit -v counts it); no
    // debugger attached on an assertion (it would print into the report and take seconds).
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    builder.environment().put("GGML_NO_BACKTRACE", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    Thread stdout = reader(process.getInputStream(), this::stdoutLine, "stdout");
    Thread stderr = reader(process.getErrorStream(), this::remember, "stderr");
    Stop stop = Stop.NONE;
    String limit = "";
    Phase phaseAtStop = Phase.STARTING;
    Phase memoryPhase = null;
    long memoryBaseline = 0;
    try {
      while (!process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        if (cancellation.isCancelled()) {
          kill(process);
          throw new RoutingCancelledException();
        }
        Phase now;
        long startedAt;
        synchronized (lock) {
          now = phase;
          startedAt = phaseStartedNanos;
        }
        Duration deadline =
            switch (now) {
              case STARTING -> limits.startTime();
              case TEMPLATE -> limits.templateTime();
              case MODEL -> loadTime;
            };
        if (System.nanoTime() - startedAt > deadline.toNanos()) {
          stop = Stop.TIME;
          limit = deadline.toSeconds() + " s";
          phaseAtStop = now;
          break;
        }
        if (watchMemory && now == Phase.TEMPLATE) {
          OptionalLong resident = residentBytes(process.pid());
          if (resident.isPresent()) {
            if (memoryPhase != now) {
              memoryPhase = now;
              memoryBaseline = resident.getAsLong();
            } else if (resident.getAsLong() - memoryBaseline > limits.templateMemoryBytes()) {
              stop = Stop.MEMORY;
              limit = megabytes(limits.templateMemoryBytes());
              phaseAtStop = now;
              break;
            }
          }
        }
      }
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
    if (stop != Stop.NONE) {
      kill(process);
    }
    int exitCode = process.waitFor();
    stdout.join(Duration.ofSeconds(5));
    stderr.join(Duration.ofSeconds(5));
    synchronized (lock) {
      return new Outcome(
          exitCode,
          stop == Stop.NONE ? phase : phaseAtStop,
          stop,
          limit,
          passed && exitCode == 0 && stop == Stop.NONE,
          Optional.ofNullable(refusal),
          List.copyOf(warnings),
          List.copyOf(output));
    }
  }

  private void stdoutLine(String line) {
    if (!line.startsWith(FirstLoadCheckMain.PREFIX)) {
      remember(line); // a JVM crash summary, llama.cpp's own prints
      return;
    }
    String message = line.substring(FirstLoadCheckMain.PREFIX.length());
    synchronized (lock) {
      if (message.equals(FirstLoadCheckMain.PHASE_TEMPLATE)) {
        enter(Phase.TEMPLATE);
      } else if (message.equals(FirstLoadCheckMain.PHASE_MODEL)) {
        enter(Phase.MODEL);
      } else if (message.startsWith(FirstLoadCheckMain.WARNING)) {
        warnings.add(
            FirstLoadCheckMain.decode(message.substring(FirstLoadCheckMain.WARNING.length())));
      } else if (message.equals(FirstLoadCheckMain.PASSED)) {
        passed = true;
      } else if (message.startsWith(FirstLoadCheckMain.REFUSED)) {
        refusal = FirstLoadCheckMain.decode(message.substring(FirstLoadCheckMain.REFUSED.length()));
      }
    }
  }

  private void enter(Phase next) {
    phase = next;
    phaseStartedNanos = System.nanoTime();
  }

  private void remember(String line) {
    synchronized (lock) {
      output.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
      if (output.size() > TAIL_LINES) {
        output.removeFirst();
      }
    }
  }

  private static Thread reader(InputStream stream, Consumer<String> lines, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.accept(line);
                }
              } catch (IOException e) {
                // The process is gone; what was read is all there is.
              }
            },
            "load-check-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Kills the process and everything it started, and waits for it. */
  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The process's resident set ({@code VmRSS}), where {@code /proc} has it. */
  static OptionalLong residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").strip();
          return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or the process has just ended.
    }
    return OptionalLong.empty();
  }

  static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%,d MB", bytes >> 20);
  }
}
