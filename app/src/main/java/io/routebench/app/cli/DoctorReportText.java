package io.routebench.app.cli;

import io.routebench.core.doctor.DescriptionDoctor;
import io.routebench.core.doctor.DescriptionEdit;
import io.routebench.core.doctor.VerifiedCandidate;
import io.routebench.core.run.Metric;
import io.routebench.core.run.MetricDeltas;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** The doctor's report for a terminal: the verified improvements, numbered for {@code --apply}. */
final class DoctorReportText {

  private DoctorReportText() {}

  static void print(PrintWriter out, DescriptionDoctor.Report report) {
    List<VerifiedCandidate> improvements = report.improvements();
    out.printf("%n%s%n", report.summary());
    for (int i = 0; i < improvements.size(); i++) {
      print(out, i + 1, improvements.get(i));
    }
    int unhelpful = report.ranked().size() - improvements.size();
    if (unhelpful > 0) {
      out.printf(
          "%n%d more verified candidate(s) fix no more turns than they break (see --json).%n",
          unhelpful);
    }
    if (report.unverified() > 0) {
      out.printf(
          "%d candidate(s) were not verified (budget, cancel or failure) and are not shown.%n",
          report.unverified());
    }
    out.flush();
  }

  private static void print(PrintWriter out, int number, VerifiedCandidate v) {
    out.printf("%n%2d. %s  [%s]%n", number, v.candidate().summary(), v.candidate().kind().label());
    out.printf("    for %s%n", v.candidate().confusion().label());
    out.printf(
        "    fixes %d, breaks %d (net %+d)%s%n",
        v.fixed().size(), v.broken().size(), v.net(), v.breaksNothing() ? " · breaks nothing" : "");
    out.printf(
        "    %s   (verified on %d of %d turns)%n",
        headlineDeltas(v.deltas()), v.verifiedTurns(), v.suiteTurns());
    for (DescriptionEdit edit : v.candidate().edits()) {
      out.printf(
          "    %s:%n      - %s%n      + %s%n", edit.routeName(), edit.before(), edit.after());
    }
    RunSummaryText.printChanges(out, "    fixed ", v.fixed());
    RunSummaryText.printChanges(out, "    broken", v.broken());
  }

  /** e.g. {@code overall +33.3 pts · turn +33.3 pts · …}: the paper's figures, in table order. */
  static String headlineDeltas(MetricDeltas deltas) {
    return String.join(
        " · ",
        Arrays.stream(Metric.values())
            .filter(Metric::isHeadline)
            .map(m -> m.shortLabel() + " " + m.formatDelta(deltas.of(m)))
            .toList());
  }
}
