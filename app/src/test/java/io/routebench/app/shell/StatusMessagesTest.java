package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.ManualUiTimer;
import org.junit.jupiter.api.Test;

class StatusMessagesTest {

  private final ManualUiTimer timer = new ManualUiTimer();
  private final StatusMessages messages = new StatusMessages(timer);

  @Test
  void a_message_expires() {
    messages.show("Exported the archgw config");

    assertThat(timer.pendingDelays()).containsExactly(StatusMessages.SHOWN_FOR);
    timer.fireAll();

    assertThat(messages.textProperty().get()).isEmpty();
  }

  @Test
  void a_newer_message_gets_its_own_full_time() {
    messages.show("Imported 3 routes");
    messages.show("Exported the plano config");

    assertThat(timer.pendingCount()).isEqualTo(1);
    assertThat(messages.textProperty().get()).isEqualTo("Exported the plano config");
  }

  @Test
  void withdrawing_takes_away_only_the_message_still_shown() {
    messages.show("Imported 3 routes");
    messages.show("Exported the plano config");

    messages.withdraw("Imported 3 routes");

    assertThat(messages.textProperty().get()).isEqualTo("Exported the plano config");
    messages.withdraw("Exported the plano config");
    assertThat(messages.textProperty().get()).isEmpty();
    assertThat(timer.pendingCount()).isZero();
  }
}
