package io.routebench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code routebench bench}, plugged into the application's CLI from this module. */
class BenchCommandTest {

  @TempDir Path dir;

  @Test
  void the_cli_finds_the_bench_command_on_the_class_path() {
    BenchCliRun run = BenchCliRun.of("bench", "--help");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("router", "suite-import", "remote", "window-run", "round-trip");
  }

  /** As the application's own HelpTextTest: picocli breaks the line after each element. */
  @Test
  void every_description_line_of_the_bench_help_ends_a_sentence() {
    var lines = new ArrayList<String>();
    collect(new CommandLine(new BenchCommand()).getCommandSpec(), lines);

    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("."));
  }

  private static void collect(CommandSpec spec, List<String> lines) {
    lines.addAll(List.of(spec.usageMessage().description()));
    spec.options().stream()
        .filter(option -> option.description().length > 1)
        .forEach(option -> lines.addAll(List.of(option.description())));
    spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), lines));
  }

  @Test
  void a_missing_tokenizer_is_a_usage_error_that_names_the_script() {
    BenchCliRun run =
        BenchCliRun.of("bench", "router", "--tokenizer", dir.resolve("none.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("none.json: no such file", "bench/router-benchmark.sh");
  }

  @Test
  void the_remote_benchmark_prints_throughput_against_the_bound_and_the_overhead() {
    BenchCliRun run =
        BenchCliRun.of(
            "bench",
            "remote",
            "--capacity",
            "2",
            "--latency-ms",
            "5",
            "--seconds",
            "0.05",
            "--turns",
            "200",
            "--dir",
            dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("capacity bound 400 turns/s", "of bound")
        .contains("Overhead: 200 turns")
        .containsPattern("total +\\d+\\.\\d+ ms/turn");
  }

  /**
   * Tiny, with a latency long enough that each way's requests overlap at the server: the window's
   * run as before never had more than its engine task's 4 turns in flight.
   */
  @Test
  void the_window_run_benchmark_sets_the_window_beside_the_cli() {
    BenchCliRun run =
        BenchCliRun.of(
            "bench",
            "window-run",
            "--turns",
            "16",
            "--parallel",
            "1,8",
            "--rounds",
            "1",
            "--latency-ms",
            "20",
            "--dir",
            dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Suite: 16 turns", "window/CLI")
        .containsPattern("(?m)^ +1 +50 .* 1/1/1$")
        .containsPattern("(?m)^ +8 +400 .* \\d+/\\d+/[1-4]$");
  }

  @Test
  void the_round_trip_benchmark_times_the_real_import_and_export_in_one_process() {
    BenchCliRun run =
        BenchCliRun.of(
            "bench", "round-trip", "--routes", "300", "--rounds", "3", "--dir", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("300 routes")
        .containsPattern("(?m)^3 +\\d+ +\\d+ +\\d+ +\\d+$")
        .containsPattern("median of rounds 2-3: wall \\d+ ms, CPU \\d+ ms");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void the_window_run_benchmark_refuses_a_parallel_setting_of_zero() {
    BenchCliRun run = BenchCliRun.of("bench", "window-run", "--parallel", "4,0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--parallel takes 1 to 256");
  }
}
