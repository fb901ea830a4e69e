package io.routebench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {

  @Test
  void without_display_linux_gets_one_line_naming_what_is_missing_and_the_commands() {
    assertThat(DisplayCheck.problem(name -> null, Map.<String, String>of()::get, "Linux"))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .doesNotContain("\n")
                    .contains("needs a display", "DISPLAY is not set", "routebench --help"));
  }

  @Test
  void a_wayland_session_without_xwayland_is_told_so() {
    assertThat(
            DisplayCheck.problem(
                name -> null, Map.of("WAYLAND_DISPLAY", "wayland-0")::get, "Linux"))
        .hasValueSatisfying(line -> assertThat(line).contains("XWayland"));
  }

  @Test
  void a_display_monocle_or_another_os_is_no_problem() {
    assertThat(DisplayCheck.problem(name -> null, Map.of("DISPLAY", ":0")::get, "Linux")).isEmpty();
    assertThat(
            DisplayCheck.problem(
                Map.of("glass.platform", "Monocle")::get, Map.<String, String>of()::get, "Linux"))
        .isEmpty();
    assertThat(DisplayCheck.problem(name -> null, Map.<String, String>of()::get, "Mac OS X"))
        .isEmpty();
  }

  @Test
  void javafx_failing_to_open_the_display_becomes_the_same_line() {
    var failure =
        new RuntimeException(
            "Application launch failed",
            new UnsupportedOperationException("Unable to open DISPLAY"));

    assertThat(DisplayCheck.problem(failure, ":99"))
        .hasValueSatisfying(line -> assertThat(line).contains("DISPLAY=:99 cannot be opened"));
    assertThat(DisplayCheck.problem(new RuntimeException("other"), ":99")).isEmpty();
  }
}
