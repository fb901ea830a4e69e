package io.routebench.core.doctor;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import java.util.List;

/**
 * A suite with a known confusion for a {@link WordOverlapRouter}: two "debugging" turns mention
 * exceptions and a traceback, which the "code generation" description names, so they go there.
 */
public final class DoctorFixtures {

  public static final String GENERATION =
      "Writing programs, functions and scripts; handles exceptions and traceback output.";
  public static final String DEBUGGING = "Fixing bugs and errors in programs.";

  private DoctorFixtures() {}

  /** Six one-turn cases; c1 and c2 (debugging) go to code generation. */
  public static TestSuite suite() {
    return suite(
        turn("c1", "my script throws exceptions with a traceback", "debugging"),
        turn("c2", "after the upgrade the parser throws exceptions and a traceback", "debugging"),
        turn("c3", "fixing bugs in my programs", "debugging"),
        turn("c4", "writing functions for parsing dates", "code generation"),
        turn("c5", "writing scripts that handles exceptions cleanly", "code generation"),
        turn("c6", "drafting an email to my boss", "email drafting"));
  }

  public static PolicyDocument document() {
    return document(GENERATION, DEBUGGING);
  }

  public static PolicyDocument document(String generation, String debugging) {
    var coding =
        new Domain(
            "d-coding",
            "coding",
            "Programming help.",
            null,
            List.of(
                new Action("a-gen", "code generation", generation, PolicySettings.targeting("m/a")),
                new Action("a-debug", "debugging", debugging, PolicySettings.targeting("m/b"))));
    var writing =
        new Domain(
            "d-writing",
            "writing",
            "Prose.",
            null,
            List.of(
                new Action(
                    "a-email",
                    "email drafting",
                    "Drafting or polishing an email.",
                    PolicySettings.targeting("m/c"))));
    return new PolicyDocument(
        "doctor",
        PromptProfile.ARCHGW_V1,
        new Taxonomy(List.of(coding, writing)),
        List.of(
            ModelTarget.of("m/a", "", true),
            ModelTarget.of("m/b", "", false),
            ModelTarget.of("m/c", "", false)),
        null,
        ProxyConfigExtras.NONE);
  }

  public static TestCase turn(String id, String text, String expected) {
    return new TestCase(id, id, List.of(), "", List.of(CaseMessage.user(text, expected)));
  }

  public static TestSuite suite(TestCase... cases) {
    return new TestSuite("s1", "doctor", "", List.of(cases));
  }
}
