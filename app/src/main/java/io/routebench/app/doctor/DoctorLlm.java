package io.routebench.app.doctor;

import io.routebench.core.doctor.Candidate;
import io.routebench.core.doctor.Confusion;
import io.routebench.core.doctor.DescriptionDoctor;
import io.routebench.core.doctor.LlmRewrites;
import io.routebench.core.doctor.RewriteProposer;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.taxonomy.ModelTarget;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The doctor's optional LLM proposer: off unless the user turns it on, asked as the target the user
 * picks, and shown to the user with the very prompt it is given. What it proposes is a candidate
 * like the rules' ones, verified before it is shown.
 */
public final class DoctorLlm {

  /** Asks a target model (an OpenAI-compatible endpoint) for rewrites. */
  @FunctionalInterface
  public interface Proposers {
    RewriteProposer of(ModelTarget target);
  }

  private final Proposers proposers;
  private final BooleanProperty ask = new SimpleBooleanProperty(this, "ask");
  private final ObjectProperty<ModelTarget> target = new SimpleObjectProperty<>(this, "target");

  DoctorLlm(Proposers proposers) {
    this.proposers = proposers;
  }

  /** Whether the model is asked at all. */
  public BooleanProperty askProperty() {
    return ask;
  }

  /** The target asked, among the workspace's targets with a base URL. */
  public ObjectProperty<ModelTarget> targetProperty() {
    return target;
  }

  /** What a change of the choice affects (the estimate, the prompt shown). */
  Observable[] dependencies() {
    return new Observable[] {ask, target};
  }

  /** The target to ask, when the user turned the proposer on and picked one. */
  Optional<ModelTarget> chosen() {
    return ask.get() ? Optional.ofNullable(target.get()) : Optional.empty();
  }

  /** The prompt the model gets for the largest confusion, as shown to the user; or empty. */
  String promptShown(DescriptionDoctor doctor) {
    List<Confusion> confusions = doctor.confusions();
    return chosen().isEmpty() || confusions.isEmpty()
        ? ""
        : LlmRewrites.shown(doctor.llmRewrites().prompt(confusions.get(0)));
  }

  /**
   * Asks {@code chosen} for a rewrite for each confusion, off the UI thread; what went wrong goes
   * to {@code notes}, for the user.
   */
  static List<Candidate> candidates(
      Proposers proposers,
      DescriptionDoctor treating,
      ModelTarget chosen,
      CancellationToken token,
      List<String> notes) {
    RewriteProposer proposer;
    try {
      proposer = proposers.of(chosen);
    } catch (RuntimeException cannot) {
      notes.add(chosen.label() + " could not be asked: " + cannot.getMessage());
      return List.of();
    }
    return treating
        .llmRewrites()
        .ask(
            treating.confusions(),
            proposer,
            token,
            new LlmRewrites.Asking() {
              @Override
              public void nothing(Confusion confusion, String why) {
                notes.add(
                    chosen.label()
                        + " proposed nothing for "
                        + confusion.label()
                        + ": "
                        + why
                        + ".");
              }

              @Override
              public void failed(String why) {
                notes.add(chosen.label() + " could not be asked: " + why);
              }
            });
  }

  Proposers proposers() {
    return proposers;
  }
}
