package io.routebench.app.shell;

import io.routebench.app.tasks.UiTimer;
import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The message line of the status bar: what the last import, export or other command did. A message
 * expires after {@link #SHOWN_FOR}, so that an hour later the bar does not still claim "Imported…"
 * about a document that has changed since; a message may also be withdrawn earlier by whoever
 * showed it (an undone import).
 *
 * <p>Confined to the UI thread.
 */
final class StatusMessages {

  static final Duration SHOWN_FOR = Duration.ofSeconds(8);

  private final UiTimer timer;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private UiTimer.Scheduled expiry;

  StatusMessages(UiTimer timer) {
    this.timer = Objects.requireNonNull(timer);
  }

  /** The message shown now; empty when there is none. */
  ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Shows {@code message} for {@link #SHOWN_FOR}, replacing whatever was shown. */
  void show(String message) {
    cancelExpiry();
    text.set(message);
    if (!message.isEmpty()) {
      expiry = timer.schedule(SHOWN_FOR, this::clear);
    }
  }

  /** Takes {@code message} away if it is still the one shown. */
  void withdraw(String message) {
    if (text.get().equals(message)) {
      clear();
    }
  }

  void clear() {
    cancelExpiry();
    text.set("");
  }

  private void cancelExpiry() {
    if (expiry != null) {
      expiry.cancel();
      expiry = null;
    }
  }
}
