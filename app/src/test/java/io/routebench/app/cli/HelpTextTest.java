package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

class HelpTextTest {

  /**
   * picocli starts a new line for every element of a description array, so a sentence split over
   * two elements breaks in the middle of {@code --help}; every element must be whole sentences.
   */
  @Test
  void every_description_line_of_the_help_ends_a_sentence() {
    var lines = new ArrayList<String>();
    collect(RouteBenchCli.commandLine().getCommandSpec(), lines);

    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("."));
  }

  /** The benchmarks live in the bench module and join the CLI only where that jar is present. */
  @Test
  void the_shipped_cli_carries_no_benchmark() {
    assertThat(CliRun.of("--help").out()).doesNotContainPattern("(?m)^\\s+bench\\b");
    assertThat(CliRun.of("bench", "router").exitCode()).isEqualTo(2);
  }

  private static void collect(CommandSpec spec, List<String> lines) {
    lines.addAll(List.of(spec.usageMessage().description()));
    spec.options().stream()
        .filter(option -> option.description().length > 1)
        .forEach(option -> lines.addAll(List.of(option.description())));
    spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), lines));
  }
}
