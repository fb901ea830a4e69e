package io.routebench.app.playtest;

import io.routebench.core.conversation.Role;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The replies in the playtest: a real one streamed from the target the last message was routed to
 * (one at a time, stoppable, retried from the same target), or a simulated one that only names it.
 * A stopped reply is checked once, where its text arrives ({@link TargetReplies}): after a stop
 * only the final "stopped" is heard.
 *
 * <p>Confined to the UI thread.
 */
public final class ReplyStreams {

  private final Conversation conversation;
  private final TargetReplies replies;
  private final Supplier<PolicyDocument> document;
  private final Runnable conversationGrew;
  private final ReadOnlyBooleanWrapper replying = new ReadOnlyBooleanWrapper(this, "replying");

  /** The target each asked-for reply came (or is coming) from, by turn id, for Retry. */
  private final Map<Long, ModelTarget> replyTargets = new HashMap<>();

  /** Stops the reply streaming in, or null. */
  private CancellationToken pendingReply;

  /**
   * @param conversationGrew told when a reply was added or ended: the draft's route depends on it
   */
  ReplyStreams(
      Conversation conversation,
      TargetReplies replies,
      Supplier<PolicyDocument> document,
      Runnable conversationGrew) {
    this.conversation = conversation;
    this.replies = replies;
    this.document = document;
    this.conversationGrew = conversationGrew;
  }

  /** Whether a reply is streaming in from a target. */
  public ReadOnlyBooleanProperty replyingProperty() {
    return replying.getReadOnlyProperty();
  }

  /** The target model of the last message, when it is a user message with a decided route. */
  public String lastRoutedModel() {
    ModelTarget target = lastRoutedTarget();
    return target == null ? null : target.model();
  }

  /**
   * The target the last message was routed to, when it is a user message with a decided route that
   * has a target; it may still lack a base URL ({@link #whyNoReply()}).
   */
  public ModelTarget lastRoutedTarget() {
    Turn last = conversation.last();
    if (last == null || !last.isUser() || last.state() != TurnState.DECIDED) {
      return null;
    }
    return last.decision().targetModel().orElse(null);
  }

  /** Why {@link #askTarget()} cannot ask now, or {@code null} when it can. */
  public String whyNoReply() {
    if (replying.get()) {
      return "A reply is streaming in; stop it first.";
    }
    ModelTarget target = lastRoutedTarget();
    if (target == null) {
      return "Send a user message and let the router decide its route: its target is asked.";
    }
    return TargetReplies.whyNotAskable(target);
  }

  /**
   * Adds an assistant turn that stands in for the reply of the model the last user message was
   * routed to, naming it, so a follow-up can be tested without calling that model.
   */
  public void simulateReply() {
    String model = lastRoutedModel();
    if (model != null) {
      conversation.append(Role.ASSISTANT, "[simulated reply from " + model + "]");
      conversationGrew.run();
    }
  }

  /**
   * Asks the target the last user message was routed to for its reply to the conversation so far;
   * it streams into a new assistant message.
   */
  public void askTarget() {
    if (whyNoReply() != null) {
      return;
    }
    ModelTarget target = lastRoutedTarget();
    Turn turn = conversation.append(Role.ASSISTANT, "");
    replyTargets.put(turn.id(), target);
    stream(turn.id());
  }

  /**
   * Asks again for the stopped or failed reply of message {@code index}, from the same target model
   * as the workspace now defines it: a base URL or key reference fixed after a failure is used.
   */
  public void retryReply(int index) {
    Turn turn = conversation.turns().get(index);
    ModelTarget asked = replyTargets.get(turn.id());
    if (replying.get()
        || asked == null
        || (turn.state() != TurnState.STOPPED && turn.state() != TurnState.REPLY_FAILED)) {
      return;
    }
    ModelTarget now =
        document.get().targets().stream()
            .filter(target -> target.model().equals(asked.model()))
            .findFirst()
            .orElse(asked);
    String why = TargetReplies.whyNotAskable(now);
    if (why != null) {
      conversation.replace(turn.replyFailed(turn.text(), why));
      return;
    }
    conversation.forgetCleared();
    replyTargets.put(turn.id(), now);
    stream(turn.id());
  }

  /** Stops the reply streaming in; it keeps the text that came. */
  public void stopReply() {
    if (pendingReply != null) {
      pendingReply.cancel();
      pendingReply = null;
      for (Turn turn : conversation.turns()) {
        if (turn.replying()) {
          conversation.replace(turn.stopped(turn.text()));
        }
      }
      replying.set(false);
      conversationGrew.run();
    }
  }

  /** The target that gave (or is giving) the reply of {@code turn}, or {@code null}. */
  public ModelTarget replyTarget(Turn turn) {
    return replyTargets.get(turn.id());
  }

  /** {@code turn} is about to be edited or removed: its reply stops, and an edit is the user's. */
  void editing(Turn turn) {
    if (turn.replying()) {
      stopReply();
    }
    if (!turn.isUser()) {
      replyTargets.remove(turn.id());
    }
  }

  private void stream(long turnId) {
    int index = conversation.indexOf(turnId);
    Turn turn = conversation.turns().get(index);
    conversation.replace(turn.replyingAnew());
    replying.set(true);
    var cancellation = new CancellationToken();
    pendingReply = cancellation;
    replies.ask(
        replyTargets.get(turnId),
        conversation.messagesWithTextBefore(index),
        cancellation,
        new TargetReplies.Listener() {
          @Override
          public void grew(String textSoFar) {
            conversation.replace(conversation.find(turnId).withText(textSoFar));
          }

          @Override
          public void finished(String text) {
            Turn now = conversation.find(turnId);
            ended(
                text.isBlank()
                    ? now.replyFailed("", "The target answered with no text.")
                    : now.replied(text));
          }

          @Override
          public void stopped(String textSoFar) {
            Turn now = conversation.find(turnId);
            if (now != null && now.state() == TurnState.STOPPED) {
              // The stop showed what had been published; this is all that came.
              conversation.replace(now.stopped(textSoFar));
              conversationGrew.run();
            }
          }

          @Override
          public void failed(String textSoFar, String why) {
            ended(conversation.find(turnId).replyFailed(textSoFar, why));
          }
        });
  }

  private void ended(Turn ended) {
    conversation.replace(ended);
    pendingReply = null;
    replying.set(false);
    // The draft's route depends on the whole conversation, this reply included.
    conversationGrew.run();
  }
}
