package io.routebench.app.doctor;

import io.routebench.app.forms.Forms;
import io.routebench.core.doctor.DescriptionEdit;
import io.routebench.core.doctor.VerifiedCandidate;
import io.routebench.core.run.Metric;
import io.routebench.core.run.TurnChange;
import io.routebench.core.run.TurnResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * One verified candidate in full: what it changes (each description before and after), what the
 * router did with it (turns fixed and broken, each opening its case; the metric deltas; how much of
 * the suite it was verified on), and Apply.
 */
final class CandidateView {

  private final VBox content = new VBox(8);
  private final ScrollPane root = new ScrollPane(content);
  private final Consumer<TurnResult> openTurn;
  private final Consumer<VerifiedCandidate> apply;

  CandidateView(Consumer<TurnResult> openTurn, Consumer<VerifiedCandidate> apply) {
    this.openTurn = openTurn;
    this.apply = apply;
    root.setId("doctorCandidateView");
    root.setFitToWidth(true);
    content.setPadding(new Insets(8));
    show(null);
  }

  Node root() {
    return root;
  }

  void show(VerifiedCandidate candidate) {
    if (candidate == null) {
      var hint =
          new Label(
              "Verify the edits, then pick one to see what it changes and which turns it fixes"
                  + " and breaks.");
      hint.setWrapText(true);
      hint.getStyleClass().add("placeholder");
      content.getChildren().setAll(hint);
      return;
    }
    var title = new Label(candidate.candidate().summary());
    title.setId("doctorCandidateTitle");
    title.setWrapText(true);
    title.getStyleClass().add("doctor-title");
    var effect = new Label(effect(candidate));
    effect.setId("doctorCandidateEffect");
    effect.setWrapText(true);
    var deltas = new Label(deltas(candidate));
    deltas.setId("doctorCandidateDeltas");
    deltas.setWrapText(true);
    deltas.getStyleClass().add("help");
    content.getChildren().setAll(title, effect, deltas);
    for (DescriptionEdit edit : candidate.candidate().edits()) {
      content.getChildren().add(diff(edit));
    }
    content.getChildren().add(turns("Fixes", candidate.fixed(), candidate, "doctorFixedTurns"));
    content.getChildren().add(turns("Breaks", candidate.broken(), candidate, "doctorBrokenTurns"));
    Button applyButton =
        Forms.button("Apply this edit", "doctorApplyButton", () -> apply.accept(candidate));
    applyButton.setDefaultButton(true);
    content.getChildren().add(applyButton);
  }

  private static String effect(VerifiedCandidate v) {
    return "For "
        + v.candidate().confusion().label()
        + ": fixes "
        + v.fixed().size()
        + ", breaks "
        + v.broken().size()
        + String.format(Locale.ROOT, " (net %+d)", v.net())
        + (v.breaksNothing() ? " · breaks nothing" : "")
        + (v.improves() ? "" : " · does not help");
  }

  private static String deltas(VerifiedCandidate v) {
    String figures =
        String.join(
            " · ",
            Arrays.stream(Metric.values())
                .filter(Metric::isHeadline)
                .map(m -> m.shortLabel() + " " + m.formatDelta(v.deltas().of(m)))
                .toList());
    return figures
        + (v.sampled()
            ? " · verified on " + v.verifiedTurns() + " of " + v.suiteTurns() + " turns (a sample)"
            : " · verified on the whole suite (" + v.verifiedTurns() + " turns)");
  }

  private static Node diff(DescriptionEdit edit) {
    var route = new Label(edit.routeName());
    route.getStyleClass().add("field-label");
    var before = new Label("− " + edit.before());
    before.setWrapText(true);
    before.getStyleClass().add("diff-removed");
    var after = new Label("+ " + edit.after());
    after.setWrapText(true);
    after.getStyleClass().add("diff-added");
    var box = new VBox(2, route, before, after);
    box.getStyleClass().add("doctor-diff");
    return box;
  }

  private Node turns(String title, List<TurnChange> changes, VerifiedCandidate v, String id) {
    var links = new FlowPane(6, 2);
    links.setId(id);
    if (changes.isEmpty()) {
      links.getChildren().add(new Label("no turn"));
    }
    for (TurnChange change : changes) {
      var link =
          new Hyperlink(
              change.caseName()
                  + ", turn "
                  + (change.turnIndex() + 1)
                  + " → "
                  + change.candidateActual());
      link.setOnAction(e -> decision(v.decisions().results(), change).ifPresent(openTurn));
      links.getChildren().add(link);
    }
    var label = new Label(title + ":");
    label.getStyleClass().add("field-label");
    return new VBox(2, label, links);
  }

  private static java.util.Optional<TurnResult> decision(List<TurnResult> decisions, TurnChange c) {
    return decisions.stream()
        .filter(t -> t.caseId().equals(c.caseId()) && t.turnIndex() == c.turnIndex())
        .findFirst();
  }
}
