package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThemeTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty("routebench.theme");
  }

  @Test
  void the_theme_chosen_last_time_comes_back() {
    assertThat(Theme.atStartup(true)).isEqualTo(Theme.DARK);
    assertThat(Theme.atStartup(false)).isEqualTo(Theme.LIGHT);
  }

  @Test
  void a_theme_given_on_the_command_line_wins_over_the_remembered_one() {
    System.setProperty("routebench.theme", "light");
    assertThat(Theme.atStartup(true)).isEqualTo(Theme.LIGHT);
    System.setProperty("routebench.theme", "DARK");
    assertThat(Theme.atStartup(false)).isEqualTo(Theme.DARK);
  }
}
