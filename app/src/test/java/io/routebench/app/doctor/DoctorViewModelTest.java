package io.routebench.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.core.doctor.CandidateKind;
import io.routebench.core.doctor.DoctorFixtures;
import io.routebench.core.doctor.WordOverlapRouter;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.workspace.PolicyDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The doctor page's logic without the toolkit: every thread is the test's own. */
class DoctorViewModelTest {

  private final WordOverlapRouter model = new WordOverlapRouter();
  private final SimpleObjectProperty<PolicyDocument> document =
      new SimpleObjectProperty<>(DoctorFixtures.document());
  private final List<String> undoLabels = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private LocalRouter router;
  private DoctorViewModel doctor;

  @BeforeEach
  void start() {
    router =
        new LocalRouter(
            file -> new LocalRouter.Loaded(file, model, "word overlap", List.of()),
            new CurrentThreadTaskExecutor());
    router.load(Path.of("model.gguf"), failure -> {});
    doctor =
        new DoctorViewModel(
            router,
            new CurrentThreadTaskExecutor(),
            document,
            (label, change) -> {
              undoLabels.add(label);
              document.set(change.apply(document.get()));
            },
            target -> (prompt, token) -> "",
            nanos::get);
  }

  @Test
  void the_cost_is_shown_before_anything_is_asked_and_the_budget_caps_it() {
    doctor.treat(run(), DoctorFixtures.suite());
    int asked = model.asked.get();

    assertThat(doctor.stateProperty().get()).isEqualTo(DoctorViewModel.State.READY);
    assertThat(doctor.estimateProperty().get())
        .matches("\\d+ candidate edit\\(s\\) × 6 turn\\(s\\) each = \\d+ router decision\\(s\\)");
    doctor.budgetProperty().set(12);
    assertThat(doctor.estimateProperty().get())
        .contains("= 12 router decision(s); the budget leaves");
    assertThat(model.asked.get()).isEqualTo(asked);
  }

  @Test
  void verified_improvements_are_listed_best_first_and_applied_as_one_undo_step() {
    doctor.treat(run(), DoctorFixtures.suite());

    doctor.start();

    assertThat(doctor.candidates()).isNotEmpty().allSatisfy(v -> assertThat(v.improves()).isTrue());
    assertThat(doctor.candidates().get(0).candidate().kind()).isEqualTo(CandidateKind.ADD_TERMS);
    assertThat(doctor.progressProperty().get()).isEqualTo(1.0);
    doctor.showUnhelpfulProperty().set(true);
    assertThat(doctor.candidates()).anySatisfy(v -> assertThat(v.improves()).isFalse());

    doctor.apply(doctor.candidates().get(0));

    assertThat(undoLabels).singleElement().asString().startsWith("apply the doctor's edit");
    assertThat(document.get().taxonomy().policyByRouteName("debugging").orElseThrow().description())
        .endsWith("script and upgrade.");
    assertThat(doctor.messageProperty().get()).startsWith("Applied: Add to debugging");
    assertThat(doctor.appliedProperty().get()).isNotNull();
  }

  @Test
  void the_collision_check_is_treated_like_a_run() {
    document.set(
        DoctorFixtures.document(
            "Writing code that handles errors and exceptions.", "Errors and exceptions."));

    doctor.treatCollisions();

    assertThat(doctor.summaryProperty().get())
        .isEqualTo("1 failed turn in 1 confusion: debugging → code generation (1 turn)");
    doctor.start();
    assertThat(doctor.candidates().get(0).candidate().edits().get(0).after())
        .isEqualTo("Writing code that handles.");
  }

  @Test
  void a_run_made_with_other_policies_is_refused_with_the_reason() {
    RegressionRun run = run();
    document.set(DoctorFixtures.document(DoctorFixtures.GENERATION, "Fixing bugs."));

    doctor.treat(run, DoctorFixtures.suite());

    assertThat(doctor.stateProperty().get()).isEqualTo(DoctorViewModel.State.NO_RUN);
    assertThat(doctor.messageProperty().get()).contains("other policies");
  }

  private RegressionRun run() {
    return new RegressionRunner()
        .run(
            model,
            document.get(),
            DoctorFixtures.suite(),
            BatchProgressListener.NONE,
            new CancellationToken());
  }
}
