package io.routebench.storage.bench;

import io.routebench.core.routing.RouteNames;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Test cases shaped like real suites: one to three user turns with assistant replies between them,
 * prompts of a few sentences, longer replies, one to three tags, occasional notes. Seeded, so every
 * benchmark run stores the same bytes.
 */
final class SyntheticCases {

  private static final String[] ROUTES = {
    "code generation",
    "code review",
    "bug fixing",
    "documentation",
    "data analysis",
    "translation",
    "summarization",
    "creative writing",
    "math",
    "customer support",
    RouteNames.OTHER
  };
  private static final String[] TAGS = {
    "coding",
    "writing",
    "analysis",
    "multi-turn",
    "topic-shift",
    "short",
    "long",
    "regression",
    "edge-case",
    "german",
    "smalltalk",
    "ambiguous"
  };
  private static final String[] SENTENCES = {
    "Can you write a function that parses ISO dates and returns the weekday?",
    "The service keeps timing out when the payload is larger than a megabyte.",
    "Please explain what this stack trace means and where I should start looking.",
    "Summarize the attached meeting notes in five bullet points for the team.",
    "Translate the following paragraph into German, keeping the formal tone.",
    "I need a short poem about autumn mornings for a birthday card.",
    "What is the derivative of x squared times the sine of x?",
    "Our quarterly revenue table has gaps; how would you estimate the missing months?",
    "Review this pull request and point out anything that could break in production.",
    "Thanks, that helped a lot!",
    "Actually, forget the code for a moment and help me write the release notes.",
    "My order arrived damaged and I would like a replacement as soon as possible.",
    "Add docstrings to every public method and keep the line length under 100.",
    "Why does this SQL query return duplicate rows after the join?"
  };

  private SyntheticCases() {}

  static List<TestCase> generate(int count, long seed) {
    var random = new Random(seed);
    var cases = new ArrayList<TestCase>(count);
    for (int i = 0; i < count; i++) {
      cases.add(generateCase(random, i));
    }
    return cases;
  }

  private static TestCase generateCase(Random random, int index) {
    int userTurns = 1 + random.nextInt(3);
    var messages = new ArrayList<CaseMessage>();
    for (int turn = 0; turn < userTurns; turn++) {
      if (turn > 0) {
        messages.add(CaseMessage.assistant(paragraph(random, 4 + random.nextInt(10))));
      }
      messages.add(
          CaseMessage.user(
              paragraph(random, 1 + random.nextInt(4)), ROUTES[random.nextInt(ROUTES.length)]));
    }
    var tags = new ArrayList<String>();
    int tagCount = 1 + random.nextInt(3);
    for (int t = 0; t < tagCount; t++) {
      String tag = TAGS[random.nextInt(TAGS.length)];
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    String notes = random.nextInt(5) == 0 ? "Reported by support; keep this case." : "";
    return new TestCase(
        new UUID(random.nextLong(), random.nextLong()).toString(),
        "case " + (index + 1),
        tags,
        notes,
        messages);
  }

  private static String paragraph(Random random, int sentences) {
    var text = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        text.append(' ');
      }
      text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
    }
    return text.toString();
  }
}
