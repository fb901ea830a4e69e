package io.routebench.app.playtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.routebench.app.routing.LlamaCppLoader;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.InMemoryTestSuiteRepository;
import io.routebench.app.testing.ManualUiTimer;
import io.routebench.app.testing.QueuedTaskExecutor;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.StreamingChatClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playtest against a real (tiny, random) model through llama.cpp. The engine and UI executors
 * run inline and the typing timer fires on demand, so each step's outcome is visible at once.
 */
class PlaytestViewModelTest {

  @TempDir static Path models;
  private static Path model;

  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final LocalRouter router =
      new LocalRouter(
          new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(4096)),
          new CurrentThreadTaskExecutor());
  private final ManualUiTimer typing = new ManualUiTimer();
  private final InMemoryTestSuiteRepository suites = new InMemoryTestSuiteRepository();
  private final PlaytestViewModel playtest =
      new PlaytestViewModel(
          editor,
          router,
          (suite, testCase, saved, failed) -> {
            var target =
                suites.findSuiteByName(suite).orElseGet(() -> suites.createSuite(suite, ""));
            suites.addCases(target.id(), List.of(testCase));
            saved.run();
          },
          typing,
          new TargetReplies(new StreamingChatClient(), new CurrentThreadTaskExecutor()));
  private final ArrayList<RuntimeException> loadFailures = new ArrayList<>();

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.answeringRoute(models, "debugging");
  }

  @AfterEach
  void unload() {
    playtest.dispose();
    router.unload();
  }

  @Test
  void without_a_model_the_playtest_says_what_to_do_and_routes_nothing() {
    playtest.conversation().draftProperty().set("write a parser");

    assertThat(playtest.draftRoute().statusProperty().get()).startsWith("Load a router model");
    assertThat(typing.pendingCount()).isZero();
    // Prompt order (RouteOrder): grouped by target, gpt-4o's debugging first.
    assertThat(playtest.routeNames())
        .containsExactly("debugging", "code generation", "email drafting", "other");
  }

  @Test
  void a_typed_message_is_routed_after_a_pause_to_one_of_the_routes() {
    loadModel();
    assertThat(router.loadedProperty().get().description())
        .startsWith("tiny-router-debugging.gguf · qwen2");

    playtest.conversation().draftProperty().set("write a parser in rust");

    assertThat(playtest.draftRoute().decisionProperty().get()).isNull();
    assertThat(typing.pendingDelays()).containsExactly(DraftRoute.TYPING_PAUSE);

    typing.fireAll();

    RouteDecision decision = playtest.draftRoute().decisionProperty().get();
    assertThat(decision).isNotNull();
    assertThat(playtest.routeNames()).contains(decision.effectiveRoute());
    assertThat(playtest.draftRoute().chosenRoute()).isEqualTo(decision.effectiveRoute());
    assertThat(playtest.draftRoute().describe(decision)).contains("prompt ", " reused, ");
    assertThat(playtest.draftRoute().statusProperty().get()).isEmpty();
    assertThat(playtest.routingProperty().get()).isFalse();
  }

  @Test
  void sent_turns_keep_their_route_and_a_follow_up_reuses_the_cached_conversation() {
    loadModel();
    playtest.conversation().draftProperty().set("Write a function that parses ISO dates in Java.");
    typing.fireAll();
    RouteDecision first = playtest.draftRoute().decisionProperty().get();

    playtest.sendAsUser();
    playtest
        .conversation()
        .draftProperty()
        .set("Here is a parser using java.time.LocalDate.parse(...).");
    playtest.addAssistantReply();
    playtest.conversation().draftProperty().set("Now add unit tests for leap years.");
    typing.fireAll();

    assertThat(playtest.conversation().turns())
        .extracting(Turn::role, Turn::text, Turn::route)
        .containsExactly(
            tuple(
                Role.USER,
                "Write a function that parses ISO dates in Java.",
                first.effectiveRoute()),
            tuple(Role.ASSISTANT, "Here is a parser using java.time.LocalDate.parse(...).", null));
    var followUp = playtest.draftRoute().decisionProperty().get().answer().timing();
    // The template head, the routes and the first message come from the cache; with the tiny
    // model's byte-per-token vocabulary the template's tail alone is some 40 % of a prompt.
    assertThat(followUp.reusedTokens()).isGreaterThan(first.answer().timing().promptTokens() / 3);
    assertThat(followUp.evaluatedTokens())
        .isEqualTo(followUp.promptTokens() - followUp.reusedTokens());
  }

  @Test
  void a_message_sent_before_its_route_was_decided_is_routed_all_the_same() {
    loadModel();
    playtest.conversation().draftProperty().set("hello");

    playtest.sendAsUser();

    assertThat(playtest.conversation().turns())
        .singleElement()
        .satisfies(
            turn -> {
              assertThat(turn.routing()).isFalse();
              assertThat(playtest.routeNames()).contains(turn.route());
            });
    assertThat(typing.pendingCount()).isZero();
    assertThat(playtest.draftRoute().statusProperty().get()).startsWith("Type a user message");
  }

  @Test
  void the_why_panel_explains_the_draft_and_each_selected_user_turn_with_its_own_prompt() {
    loadModel();
    playtest.conversation().draftProperty().set("Write a function that parses ISO dates in Java.");
    typing.fireAll();
    DecisionDetails first = playtest.why().detailsProperty().get();
    assertThat(first.decision()).isSameAs(playtest.draftRoute().decisionProperty().get());
    assertThat(first.prompt()).contains("parses ISO dates").doesNotContain("<|im_start|>");
    assertThat(first.modelInput()).contains("<|im_start|>user\n" + first.prompt());
    assertThat(first.routeOrder())
        .containsExactly("debugging", "code generation", "email drafting");

    playtest.sendAsUser();
    playtest.conversation().draftProperty().set("Now add unit tests for leap years.");
    typing.fireAll();
    DecisionDetails followUp = playtest.why().detailsProperty().get();
    assertThat(followUp.prompt()).contains("parses ISO dates", "leap years");

    playtest.why().select(playtest.conversation().turns().get(0));
    assertThat(playtest.why().detailsProperty().get()).isSameAs(first);

    playtest.why().select(null);
    assertThat(playtest.why().detailsProperty().get()).isSameAs(followUp);
  }

  @Test
  void a_turn_sent_before_its_decision_gets_its_own_why_when_decided() {
    loadModel();
    playtest.conversation().draftProperty().set("hello");

    playtest.sendAsUser();
    playtest.why().select(playtest.conversation().turns().get(0));

    DecisionDetails why = playtest.why().detailsProperty().get();
    assertThat(why).isNotNull();
    assertThat(why.decision().effectiveRoute())
        .isEqualTo(playtest.conversation().turns().get(0).route());
    assertThat(why.prompt()).contains("hello");
  }

  @Test
  void without_a_model_a_sent_message_stays_unrouted() {
    playtest.conversation().draftProperty().set("hello");

    playtest.sendAsUser();

    assertThat(playtest.conversation().turns())
        .singleElement()
        .satisfies(
            turn -> {
              assertThat(turn.state()).isEqualTo(TurnState.NOT_ROUTED);
              assertThat(turn.route()).isNull();
            });
  }

  @Test
  void renaming_a_route_updates_the_route_list_and_routes_the_draft_again() {
    loadModel();
    playtest.conversation().draftProperty().set("my code crashes");
    typing.fireAll();

    editor.apply("rename", PlaytestViewModelTest::renameDebugging);

    assertThat(playtest.routeNames()).contains("bug fixing").doesNotContain("debugging");
    assertThat(typing.pendingCount()).isEqualTo(1);
    typing.fireAll();
    assertThat(playtest.routeNames()).contains(playtest.draftRoute().chosenRoute());
  }

  @Test
  void a_file_that_is_not_a_model_is_reported_and_the_loaded_model_stays() {
    loadModel();
    LocalRouter.Loaded before = router.loadedProperty().get();

    router.load(TinyGgufModels.notAGguf(models), loadFailures::add);

    assertThat(loadFailures)
        .singleElement()
        .extracting(Throwable::getMessage)
        .asString()
        .contains("notes.gguf");
    assertThat(router.loadedProperty().get()).isSameAs(before);
    assertThat(router.loadingProperty().get()).isFalse();
  }

  @Test
  void the_conversation_is_saved_as_a_test_case_with_the_routes_the_user_expects() {
    loadModel();
    playtest.conversation().draftProperty().set("My pods keep restarting after the Helm upgrade");
    typing.fireAll();
    playtest.sendAsUser();
    playtest.conversation().draftProperty().set("Check the liveness probe timeouts first.");
    playtest.addAssistantReply();
    playtest.conversation().draftProperty().set("Now draft an email to the team about the outage");
    playtest.sendAsUser();

    assertThat(playtest.cases().suggestedCaseName())
        .isEqualTo("My pods keep restarting after the Helm upgrade");
    playtest
        .cases()
        .saveAsTestCase(
            PlaytestCases.DEFAULT_SUITE, "helm outage", List.of("debugging", "email drafting"));

    var saved = suites.findSuiteByName("Playtests").orElseThrow().cases();
    assertThat(saved)
        .singleElement()
        .satisfies(
            testCase -> {
              assertThat(testCase.name()).isEqualTo("helm outage");
              assertThat(testCase.tags()).containsExactly("playtest");
              assertThat(testCase.messages())
                  .containsExactly(
                      CaseMessage.user(
                          "My pods keep restarting after the Helm upgrade", "debugging"),
                      CaseMessage.assistant("Check the liveness probe timeouts first."),
                      CaseMessage.user(
                          "Now draft an email to the team about the outage", "email drafting"));
            });
    assertThat(playtest.cases().saveOutcomeProperty().get())
        .startsWith("Saved “helm outage” to suite “Playtests”");
  }

  @Test
  void a_long_first_message_is_shortened_for_the_case_name() {
    playtest.conversation().draftProperty().set("x".repeat(100));
    playtest.sendAsUser();

    assertThat(playtest.cases().suggestedCaseName()).hasSize(60).endsWith("…");
  }

  @Test
  void with_automatic_re_routing_off_a_policy_edit_marks_sent_turns_stale_until_asked() {
    loadModel();
    playtest.turnRoutes().autoRerouteProperty().set(false);
    playtest.conversation().draftProperty().set("my code crashes");
    playtest.sendAsUser();
    assertThat(playtest.conversation().turns().get(0).state()).isEqualTo(TurnState.DECIDED);

    editor.apply("rename", PlaytestViewModelTest::renameDebugging);

    Turn stale = playtest.conversation().turns().get(0);
    assertThat(stale.state()).isEqualTo(TurnState.STALE);
    assertThat(stale.route()).as("a stale route is not the message's route").isNull();
    assertThat(stale.decision()).as("still shown, as history").isNotNull();
    assertThat(playtest.turnRoutes().anyStaleProperty().get()).isTrue();
    assertThat(typing.pendingCount()).isZero();

    playtest.turnRoutes().rerouteStale();

    assertThat(playtest.conversation().turns().get(0).state()).isEqualTo(TurnState.DECIDED);
    assertThat(playtest.routeNames()).contains(playtest.conversation().turns().get(0).route());
    assertThat(playtest.turnRoutes().anyStaleProperty().get()).isFalse();
  }

  @Test
  void editing_an_earlier_message_makes_it_and_later_user_turns_stale_but_not_earlier_ones() {
    loadModel();
    playtest.turnRoutes().autoRerouteProperty().set(false);
    for (String message : List.of("write a parser", "in rust", "with tests")) {
      playtest.conversation().draftProperty().set(message);
      playtest.sendAsUser();
    }

    playtest.conversation().editTurn(1, "in go");

    assertThat(playtest.conversation().turns())
        .extracting(Turn::state)
        .containsExactly(TurnState.DECIDED, TurnState.STALE, TurnState.STALE);
  }

  @Test
  void an_assistant_reply_being_typed_is_not_routed() {
    loadModel();
    playtest.conversation().draftRoleProperty().set(Role.ASSISTANT);

    playtest.conversation().draftProperty().set("Here is your parser.");

    assertThat(typing.pendingCount()).isZero();
    assertThat(playtest.draftRoute().stateProperty().get()).isEqualTo(PlaytestState.IDLE);
    playtest.send();
    assertThat(playtest.conversation().turns())
        .extracting(Turn::role)
        .containsExactly(Role.ASSISTANT);
    assertThat(playtest.conversation().draftRoleProperty().get()).isEqualTo(Role.USER);
  }

  @Test
  void a_simulated_reply_names_the_model_the_last_message_was_routed_to() {
    loadModel();
    playtest.conversation().draftProperty().set("write a parser");
    playtest.sendAsUser();
    String model =
        playtest.conversation().turns().get(0).decision().targetModel().orElseThrow().model();

    playtest.replies().simulateReply();

    assertThat(playtest.conversation().turns())
        .extracting(Turn::role, Turn::text)
        .endsWith(tuple(Role.ASSISTANT, "[simulated reply from " + model + "]"));
    assertThat(playtest.replies().lastRoutedModel()).isNull();
  }

  @Test
  void a_cleared_conversation_comes_back_with_undo() {
    playtest.conversation().draftProperty().set("hello");
    playtest.sendAsUser();

    playtest.clearConversation();

    assertThat(playtest.conversation().turns()).isEmpty();
    playtest.undoClear();
    assertThat(playtest.conversation().turns()).extracting(Turn::text).containsExactly("hello");
  }

  @Test
  void the_draft_goes_from_decided_to_superseded_when_its_text_changes() {
    loadModel();
    playtest.conversation().draftProperty().set("write a parser");
    typing.fireAll();
    assertThat(playtest.draftRoute().stateProperty().get()).isEqualTo(PlaytestState.DECIDED);

    playtest.conversation().draftProperty().set("write a parser in rust");

    assertThat(playtest.draftRoute().stateProperty().get()).isEqualTo(PlaytestState.SUPERSEDED);
    typing.fireAll();
    assertThat(playtest.draftRoute().stateProperty().get()).isEqualTo(PlaytestState.DECIDED);
  }

  @Test
  void a_decision_under_way_shows_as_routing_and_cancel_stops_it() {
    try (var fixture = new SlowPlaytest()) {
      var engine = fixture.engine;
      var slow = fixture.playtest;
      slow.conversation().draftProperty().set("write a parser");
      typing.fireAll();
      assertThat(slow.draftRoute().stateProperty().get()).isEqualTo(PlaytestState.ROUTING);
      assertThat(slow.routingProperty().get()).isTrue();

      slow.cancelRouting();
      drain(engine);

      assertThat(slow.routingProperty().get()).isFalse();
      assertThat(slow.draftRoute().decisionProperty().get()).isNull();
      assertThat(slow.draftRoute().statusProperty().get()).startsWith("Cancelled.");

      slow.conversation().draftProperty().set("and in rust");
      slow.sendAsUser();
      assertThat(slow.conversation().turns().get(0).state()).isEqualTo(TurnState.ROUTING);
      slow.cancelRouting();
      drain(engine);
      assertThat(slow.conversation().turns().get(0).state()).isEqualTo(TurnState.NOT_ROUTED);
      assertThat(slow.routingProperty().get()).isFalse();
    }
  }

  @Test
  void cancel_stops_routing_until_the_user_changes_something() {
    // Issue 17: with Re-route on changes on, each Cancel at once started a new routing.
    try (var fixture = new SlowPlaytest()) {
      var engine = fixture.engine;
      var slow = fixture.playtest;
      slow.conversation().draftProperty().set("my code crashes");
      slow.sendAsUser();
      drain(engine);
      assertThat(slow.conversation().turns().get(0).state()).isEqualTo(TurnState.DECIDED);
      editor.apply("rename", PlaytestViewModelTest::renameDebugging);
      typing.fireAll(); // the stale message is routed again after the pause
      assertThat(slow.conversation().turns().get(0).state()).isEqualTo(TurnState.ROUTING);

      slow.cancelRouting();
      drain(engine);

      assertThat(slow.conversation().turns().get(0).state()).isEqualTo(TurnState.STALE);
      assertThat(slow.routingProperty().get()).isFalse();
      assertThat(typing.pendingCount()).as("nothing is asked again on its own").isZero();

      // The next change is the user's go-ahead.
      editor.apply("rename back", document -> Documents.codingAndWriting());
      assertThat(typing.pendingCount()).isEqualTo(1);
      typing.fireAll();
      assertThat(slow.conversation().turns().get(0).state()).isEqualTo(TurnState.ROUTING);
      drain(engine);
      assertThat(slow.conversation().turns().get(0).state()).isEqualTo(TurnState.DECIDED);
    }
  }

  @Test
  void connecting_another_router_drops_the_decisions_in_flight_and_routes_again_with_it() {
    try (var fixture = new SlowPlaytest()) {
      var engine = fixture.engine;
      var slowRouter = fixture.router;
      var slow = fixture.playtest;
      slow.conversation().draftProperty().set("write a parser");
      typing.fireAll();
      assertThat(slow.draftRoute().stateProperty().get()).isEqualTo(PlaytestState.ROUTING);

      slowRouter.load(model, loadFailures::add);

      assertThat(slow.routingProperty().get()).as("nothing waits for the old router").isFalse();
      assertThat(slow.draftRoute().statusProperty().get()).startsWith("Switching routers");
      drain(engine); // the old decision is skipped, the new router loads
      typing.fireAll();
      drain(engine);
      assertThat(slow.draftRoute().stateProperty().get()).isEqualTo(PlaytestState.DECIDED);
      assertThat(loadFailures).isEmpty();
    }
  }

  @Test
  void a_test_case_opened_in_place_of_the_conversation_says_so_and_undo_brings_all_back() {
    playtest.conversation().draftProperty().set("hello");
    playtest.sendAsUser();
    playtest.conversation().draftProperty().set("half a thought");
    var testCase =
        new TestCase(
            "c1",
            "helm outage",
            List.of(),
            "",
            List.of(
                CaseMessage.user("My pods keep restarting", "debugging"),
                CaseMessage.assistant("Check the probes.")));

    int skipped = playtest.open(testCase);

    assertThat(skipped).isZero();
    assertThat(playtest.conversation().turns())
        .extracting(Turn::text)
        .containsExactly("My pods keep restarting", "Check the probes.");
    assertThat(playtest.conversation().draftProperty().get()).isEmpty();
    assertThat(playtest.conversation().shelvedProperty().get().what())
        .isEqualTo("Opened “helm outage” in place of your conversation");

    playtest.undoClear();

    assertThat(playtest.conversation().turns()).extracting(Turn::text).containsExactly("hello");
    assertThat(playtest.conversation().draftProperty().get()).isEqualTo("half a thought");
    assertThat(playtest.conversation().shelvedProperty().get()).isNull();
  }

  @Test
  void clearing_an_empty_conversation_leaves_the_drafts_decision_under_way_alone() {
    try (var fixture = new SlowPlaytest()) {
      var engine = fixture.engine;
      var slow = fixture.playtest;
      slow.conversation().draftProperty().set("write a parser");
      typing.fireAll();

      slow.clearConversation();
      drain(engine);

      assertThat(slow.draftRoute().stateProperty().get()).isEqualTo(PlaytestState.DECIDED);
      assertThat(slow.routingProperty().get()).isFalse();
    }
  }

  /**
   * A second playtest, its model loaded, whose router's engine thread runs only when the test says
   * ({@link #drain}): its decisions stay under way meanwhile.
   */
  private final class SlowPlaytest implements AutoCloseable {
    final QueuedTaskExecutor engine = new QueuedTaskExecutor();
    final LocalRouter router =
        new LocalRouter(
            new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(4096)), engine);
    final PlaytestViewModel playtest =
        new PlaytestViewModel(
            editor,
            router,
            (suite, testCase, saved, failed) -> saved.run(),
            typing,
            new TargetReplies(new StreamingChatClient(), new CurrentThreadTaskExecutor()));

    SlowPlaytest() {
      router.load(model, loadFailures::add);
      drain(engine);
    }

    @Override
    public void close() {
      playtest.dispose();
      router.unload();
      drain(engine);
    }
  }

  private static void drain(QueuedTaskExecutor engine) {
    engine.runAll();
  }

  private static PolicyDocument renameDebugging(PolicyDocument document) {
    var domains =
        document.taxonomy().domains().stream()
            .map(
                domain ->
                    domain.withActions(
                        domain.actions().stream()
                            .map(a -> a.id().equals("a-debug") ? a.withName("bug fixing") : a)
                            .toList()))
            .toList();
    return document.withTaxonomy(new Taxonomy(domains));
  }

  private void loadModel() {
    router.load(model, loadFailures::add);
    assertThat(loadFailures).isEmpty();
  }
}
