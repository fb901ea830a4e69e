package io.routebench.app.forms;

import io.routebench.app.tasks.UiTimer;
import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * A message about what the user just did ("Not saved: the key you typed is a literal secret",
 * "Imported 12 cases"), shown until it is out of date: until the next change of what it is about (a
 * stored edit, an undo) or for {@link #SHOWN_FOR}, whichever comes first. Without this, a red
 * refusal stays on screen an hour later, beside values the user has long since corrected.
 *
 * <p>A failure the user must act on may instead stay until it is cleared ({@link
 * #showUntilCleared}). Confined to the UI thread.
 */
public final class ExpiringMessage {

  /** Long enough to read two sentences. */
  public static final Duration SHOWN_FOR = Duration.ofSeconds(15);

  private final UiTimer timer;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private UiTimer.Scheduled expiry;

  public ExpiringMessage(UiTimer timer) {
    this.timer = Objects.requireNonNull(timer);
  }

  /** The message shown now; empty when there is none. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  public String get() {
    return text.get();
  }

  /** Whether a message is shown that goes by itself (not one shown until cleared). */
  public boolean expires() {
    return expiry != null;
  }

  /** Shows {@code message} for {@link #SHOWN_FOR} (or until cleared), replacing any other. */
  public void show(String message) {
    showUntilCleared(message);
    if (!message.isEmpty()) {
      expiry = timer.schedule(SHOWN_FOR, this::clear);
    }
  }

  /** Shows {@code message} until {@link #clear} or a change of what it is about. */
  public void showUntilCleared(String message) {
    cancelExpiry();
    text.set(message);
  }

  public void clear() {
    cancelExpiry();
    text.set("");
  }

  /** Clears the message whenever {@code subject} changes: a new value makes it out of date. */
  public ExpiringMessage clearedBy(ObservableValue<?> subject) {
    subject.addListener((obs, old, now) -> clear());
    return this;
  }

  private void cancelExpiry() {
    if (expiry != null) {
      expiry.cancel();
      expiry = null;
    }
  }
}
