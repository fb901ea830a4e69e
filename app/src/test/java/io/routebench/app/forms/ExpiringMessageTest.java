package io.routebench.app.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.ManualUiTimer;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class ExpiringMessageTest {

  private final ManualUiTimer timer = new ManualUiTimer();
  private final SimpleStringProperty document = new SimpleStringProperty("v1");
  private final ExpiringMessage message = new ExpiringMessage(timer).clearedBy(document);

  @Test
  void a_message_goes_after_a_while() {
    message.show("Not saved: a literal secret");

    assertThat(message.get()).isEqualTo("Not saved: a literal secret");
    assertThat(timer.pendingDelays()).containsExactly(ExpiringMessage.SHOWN_FOR);
    timer.fireAll();

    assertThat(message.get()).isEmpty();
  }

  @Test
  void a_message_goes_with_the_next_change_of_what_it_is_about() {
    message.show("Not saved: a literal secret");

    document.set("v2");

    assertThat(message.get()).isEmpty();
    assertThat(timer.pendingCount()).isZero();
  }

  @Test
  void a_newer_message_gets_its_own_full_time() {
    message.show("first");
    message.show("second");

    assertThat(timer.pendingCount()).isOne();
    timer.fireAll();
    assertThat(message.get()).isEmpty();
  }

  @Test
  void a_failure_to_act_on_stays_until_cleared() {
    message.showUntilCleared("Could not read the suites");

    assertThat(timer.pendingCount()).isZero();
    assertThat(message.get()).isEqualTo("Could not read the suites");
    document.set("v2");
    assertThat(message.get()).isEmpty();
  }
}
