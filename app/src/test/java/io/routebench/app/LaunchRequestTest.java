package io.routebench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchRequestTest {

  @Test
  void no_arguments_open_the_workbench() {
    assertThat(LaunchRequest.parse(new String[0]))
        .isEqualTo(new LaunchRequest(true, Optional.empty()));
  }

  @Test
  void a_workspace_file_alone_opens_it_in_the_workbench() {
    assertThat(LaunchRequest.parse(new String[] {"/tmp/My policies.routebench"}))
        .isEqualTo(new LaunchRequest(true, Optional.of(Path.of("/tmp/My policies.routebench"))));
  }

  @Test
  void options_and_subcommands_go_to_the_command_line() {
    assertThat(LaunchRequest.parse(new String[] {"--help"}).workbench()).isFalse();
    assertThat(LaunchRequest.parse(new String[] {"--version"}).workbench()).isFalse();
    assertThat(LaunchRequest.parse(new String[] {"validate", "x.routebench"}).workbench())
        .isFalse();
  }

  @Test
  void a_finder_process_serial_number_is_ignored() {
    assertThat(LaunchRequest.parse(new String[] {"-psn_0_12345"}).workbench()).isTrue();
  }
}
