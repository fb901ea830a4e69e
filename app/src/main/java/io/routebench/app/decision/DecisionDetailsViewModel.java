package io.routebench.app.decision;

import io.routebench.app.routing.DecisionWords;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.PromptSegment;
import io.routebench.core.routing.RecordedWrapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Why a decision came out as it did, put into what the details view shows: the text the model read
 * with its parts told apart, the outcome and what the proxy does with it, the raw output, time and
 * tokens; and a search through that text. No controls here, so all of it is testable without a
 * screen.
 */
public final class DecisionDetailsViewModel {

  /** Style classes of the parts of the shown text (see {@code decision-details.css}). */
  static final String CHAT_TEMPLATE = "why-chat-template";

  static final String INSTRUCTIONS = "why-instructions";
  static final String ROUTES = "why-routes";
  static final String CONVERSATION = "why-conversation";

  /** A stretch of the shown text and the style class it is drawn with. */
  public record Span(int start, int end, String styleClass) {}

  /** A search hit: where it is in the shown text. */
  public record Match(int start, int end) {}

  /** What the text view shows: the text and its parts. */
  public record Page(String text, List<Span> spans) {
    public Page {
      spans = List.copyOf(spans);
    }
  }

  private final ObjectProperty<DecisionDetails> details =
      new SimpleObjectProperty<>(this, "details");
  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ReadOnlyObjectWrapper<Match> currentMatch =
      new ReadOnlyObjectWrapper<>(this, "currentMatch");
  private final ReadOnlyStringWrapper matchStatus = new ReadOnlyStringWrapper(this, "matchStatus");
  private final ReadOnlyObjectWrapper<Page> page =
      new ReadOnlyObjectWrapper<>(this, "page", new Page("", List.of()));
  private List<Match> matches = List.of();
  private int current = -1;

  public DecisionDetailsViewModel() {
    // The page first, then the search: a match always indexes the text already shown, never the
    // text about to be (issue 17: a match found in the new text was selected in the old one).
    details.addListener(
        (obs, old, now) -> {
          currentMatch.set(null);
          page.set(new Page(text(), spans()));
          search();
        });
    query.addListener((obs, old, now) -> search());
  }

  /**
   * The text to show and its parts; it changes with the decision, always before {@link
   * #currentMatchProperty()} points into it.
   */
  public ReadOnlyObjectProperty<Page> pageProperty() {
    return page.getReadOnlyProperty();
  }

  /** The decision shown, or {@code null} for none. */
  public ObjectProperty<DecisionDetails> detailsProperty() {
    return details;
  }

  /** What the find field holds; matching ignores case. */
  public StringProperty queryProperty() {
    return query;
  }

  /** The hit to select, or {@code null}. */
  public ReadOnlyObjectProperty<Match> currentMatchProperty() {
    return currentMatch.getReadOnlyProperty();
  }

  /** e.g. "2 of 5", "no match", or empty without a query. */
  public ReadOnlyStringProperty matchStatusProperty() {
    return matchStatus.getReadOnlyProperty();
  }

  /**
   * The text the model read when the engine shows it (the proxy's prompt inside the chat template),
   * else the prompt the proxy sends.
   */
  public String text() {
    DecisionDetails shown = details.get();
    if (shown == null) {
      return "";
    }
    return shown.promptStartInModelInput() >= 0 ? shown.modelInput() : shown.prompt();
  }

  /** Spans covering {@link #text()} from start to end, each with its part's style class. */
  public List<Span> spans() {
    DecisionDetails shown = details.get();
    if (shown == null) {
      return List.of();
    }
    int offset = Math.max(shown.promptStartInModelInput(), 0);
    var spans = new ArrayList<Span>();
    if (offset > 0) {
      spans.add(new Span(0, offset, CHAT_TEMPLATE));
    }
    if (shown.promptSegments().isEmpty()) {
      spans.add(new Span(offset, offset + shown.prompt().length(), INSTRUCTIONS));
    }
    for (PromptSegment segment : shown.promptSegments()) {
      spans.add(new Span(offset + segment.start(), offset + segment.end(), styleOf(segment)));
    }
    int promptEnd = offset + shown.prompt().length();
    if (promptEnd < text().length()) {
      spans.add(new Span(promptEnd, text().length(), CHAT_TEMPLATE));
    }
    return spans;
  }

  /** What the text is: the model's input or only the proxy's prompt. */
  public String textNote() {
    DecisionDetails shown = details.get();
    if (shown == null) {
      return "";
    }
    if (shown.decision().answer().reading().isProxyDecision()) {
      return "plano decided this itself: it builds its own prompt (plano-v1 wording, routes in"
          + " its own order) for its router model. Shown: the prompt of the workspace's profile,"
          + " as RouteBench builds it.";
    }
    RecordedWrapping wrapping = shown.wrapping();
    if (shown.promptStartInModelInput() >= 0) {
      return "What the model read: the proxy's prompt (routes, conversation, instructions) inside"
          + " the chat template (grey) "
          + (wrapping == null
              ? "the serving engine adds."
              : "as " + wrapping.summary() + " wraps it: " + wrapping.servedBy().wrapping() + ".");
    }
    return "The prompt the proxy sends. The server wraps it in its own chat template, out of sight"
        + " here"
        + (wrapping == null
            ? "."
            : "; the workspace says it is "
                + wrapping.summary()
                + ", which wraps it with "
                + wrapping.servedBy().wrapping()
                + ". \"Check against my server\" (Connect…) shows whether it does.");
  }

  /** Which serving engine's wrapping the decision was made under, for the panel's header. */
  public String wrappingLine() {
    DecisionDetails shown = details.get();
    if (shown == null || shown.wrapping() == null) {
      return "";
    }
    return "Served by: "
        + shown.wrapping().summary()
        + (shown.modelInput() != null
            ? " (wrapped here as it wraps it)"
            : " (wrapped by the server)");
  }

  /** e.g. "code generation · matched a policy". */
  public String outcomeLine() {
    DecisionDetails shown = details.get();
    return shown == null
        ? ""
        : shown.decision().effectiveRoute() + " · " + DecisionWords.outcome(shown.decision());
  }

  /** What the proxy does with the request, e.g. "The proxy routes to openai/gpt-4o (…)". */
  public String proxyActionLine() {
    DecisionDetails shown = details.get();
    return shown == null ? "" : "The proxy " + DecisionWords.proxyAction(shown.decision()) + ".";
  }

  public String rawOutputLine() {
    DecisionDetails shown = details.get();
    return shown == null ? "" : "Raw output: " + shown.rawOutput();
  }

  /**
   * A list answer whole, with the entry plano takes ("Listed: 1. debugging (plano takes this) · 2.
   * code generation"), and the models plano ranked when a running plano decided; empty when there
   * is neither.
   */
  public String answerListLine() {
    DecisionDetails shown = details.get();
    if (shown == null) {
      return "";
    }
    var lines = new ArrayList<String>();
    DecisionWords.answerList(shown.decision()).ifPresent(list -> lines.add("Listed: " + list));
    DecisionWords.planoModels(shown.decision())
        .ifPresent(models -> lines.add("plano's models: " + models));
    return String.join("\n", lines);
  }

  public String timingLine() {
    DecisionDetails shown = details.get();
    if (shown == null) {
      return "";
    }
    DecisionTiming t = shown.timing();
    return String.format(
        Locale.ROOT,
        "Time: prompt %d ms, decode %d ms, total %d ms · Tokens: prompt %d (%d reused, %d"
            + " evaluated), %d generated",
        t.promptMillis(),
        t.decodeMillis(),
        t.totalMillis(),
        t.promptTokens(),
        t.reusedTokens(),
        t.evaluatedTokens(),
        t.generatedTokens());
  }

  public String routeOrderLine() {
    DecisionDetails shown = details.get();
    return shown == null
        ? ""
        : "Routes are listed in this order: " + String.join(", ", shown.routeOrder()) + ".";
  }

  /** The proxy's prompt alone: what to paste into a request to reproduce the decision. */
  public String prompt() {
    DecisionDetails shown = details.get();
    return shown == null ? "" : shown.prompt();
  }

  public void nextMatch() {
    step(1);
  }

  public void previousMatch() {
    step(-1);
  }

  private void step(int by) {
    if (matches.isEmpty()) {
      return;
    }
    current = Math.floorMod(current + by, matches.size());
    showCurrent();
  }

  private void search() {
    String needle = query.get() == null ? "" : query.get();
    String haystack = page.get().text();
    var found = new ArrayList<Match>();
    // regionMatches, not toLowerCase: lower-casing can change lengths and shift positions.
    for (int at = 0; !needle.isEmpty() && at + needle.length() <= haystack.length(); at++) {
      if (haystack.regionMatches(true, at, needle, 0, needle.length())) {
        found.add(new Match(at, at + needle.length()));
      }
    }
    matches = List.copyOf(found);
    current = matches.isEmpty() ? -1 : 0;
    showCurrent();
  }

  private void showCurrent() {
    currentMatch.set(current < 0 ? null : matches.get(current));
    if (query.get() == null || query.get().isEmpty()) {
      matchStatus.set("");
    } else if (matches.isEmpty()) {
      matchStatus.set("no match");
    } else {
      matchStatus.set((current + 1) + " of " + matches.size());
    }
  }

  private static String styleOf(PromptSegment segment) {
    return switch (segment.part()) {
      case INSTRUCTIONS -> INSTRUCTIONS;
      case ROUTES -> ROUTES;
      case CONVERSATION -> CONVERSATION;
    };
  }
}
