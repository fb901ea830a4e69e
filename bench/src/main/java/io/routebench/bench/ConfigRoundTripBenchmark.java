package io.routebench.bench;

import io.routebench.app.cli.RouteBenchCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What a config's round trip (import into a new workspace, export it again) costs once the JVM is
 * running, as in the workbench or any long-lived process: the real {@code import} and {@code
 * export} commands, run one after another in this process. The scale benchmark measures the same
 * steps as separate processes, where the JVM's own start dominates.
 */
@Command(
    name = "round-trip",
    mixinStandardHelpOptions = true,
    description =
        "Times importing a large config into a new workspace and exporting it again, inside one"
            + " running JVM (the real import and export commands): the first round and the median"
            + " of the rest.")
final class ConfigRoundTripBenchmark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--routes",
      defaultValue = "20000",
      description = "routes in the generated archgw config (default: ${DEFAULT-VALUE})")
  int routes;

  @Option(
      names = "--rounds",
      defaultValue = "7",
      description = "round trips, each into a new workspace (default: ${DEFAULT-VALUE})")
  int rounds;

  @Mixin ScratchFolder scratch;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = scratch.folder();
    Path config = folder.resolve("routes-" + routes + ".yaml");
    Files.writeString(config, ScaleData.config(routes));
    out.printf(
        Locale.ROOT,
        "%d routes, %.1f MB of archgw YAML; wall and CPU (all of this process's threads) per step%n",
        routes,
        Files.size(config) / 1e6);
    out.printf(
        Locale.ROOT,
        "%-8s %12s %12s %12s %12s%n",
        "round",
        "import ms",
        "export ms",
        "wall ms",
        "CPU ms");

    double[] wall = new double[rounds];
    double[] cpu = new double[rounds];
    String firstExport = null;
    for (int round = 0; round < rounds; round++) {
      Path workspace = folder.resolve("round-" + round + ".routebench");
      Path exported = folder.resolve("round-" + round + ".yaml");
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      run("import", config.toString(), "--workspace", workspace.toString());
      long imported = System.nanoTime();
      run(
          "export",
          "--workspace",
          workspace.toString(),
          "--format",
          "archgw",
          "-o",
          exported.toString());
      long end = System.nanoTime();
      cpu[round] = (processCpuNanos() - cpuStart) / 1e6;
      wall[round] = (end - start) / 1e6;
      out.printf(
          Locale.ROOT,
          "%-8d %12.0f %12.0f %12.0f %12.0f%n",
          round + 1,
          (imported - start) / 1e6,
          (end - imported) / 1e6,
          wall[round],
          cpu[round]);
      out.flush();
      String text = Files.readString(exported);
      if (firstExport == null) {
        firstExport = text;
      } else if (!firstExport.equals(text)) {
        throw new IllegalStateException("round " + (round + 1) + " exported a different config");
      }
      ScratchFolder.deleteWorkspace(workspace);
      Files.delete(exported);
    }
    if (rounds > 1) {
      out.printf(
          Locale.ROOT,
          "first round: wall %.0f ms, CPU %.0f ms; median of rounds 2-%d: wall %.0f ms, CPU %.0f"
              + " ms%n",
          wall[0],
          cpu[0],
          rounds,
          median(Arrays.copyOfRange(wall, 1, rounds)),
          median(Arrays.copyOfRange(cpu, 1, rounds)));
    }
    Files.delete(config);
    return 0;
  }

  /** Runs a RouteBench command as the launcher would, keeping its output out of the figures. */
  private static void run(String... arguments) {
    CommandLine cli = RouteBenchCli.commandLine();
    var output = new StringWriter();
    cli.setOut(new PrintWriter(output));
    cli.setErr(new PrintWriter(output));
    int status = cli.execute(arguments);
    if (status != 0) {
      throw new IllegalStateException(
          "routebench " + String.join(" ", arguments) + " exited " + status + ":\n" + output);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
