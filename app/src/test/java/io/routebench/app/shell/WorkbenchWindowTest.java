package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.playtest.Turn;
import io.routebench.app.taxonomy.NodeRef;
import io.routebench.app.testing.Documents;
import io.routebench.app.transfer.ExportFormat;
import io.routebench.app.validation.IssueRow;
import io.routebench.app.workspace.SaveState;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.core.config.ConfigFiles;
import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.conversation.Role;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.validation.Severity;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;

/**
 * The real workbench, wired as in production (SQLite workspaces, background saves), driven the way
 * a user drives it: a new user's first start, then clicks and typing.
 */
class WorkbenchWindowTest extends WorkbenchFixture {

  @Test
  void a_new_user_starts_in_a_first_workspace_with_the_sample_taxonomy() {
    WorkspaceSession session = session();

    assertThat(session.path()).isEqualTo(home.resolve("workspaces/My first workspace.routebench"));
    assertThat(stage.getTitle()).isEqualTo("My first workspace — RouteBench");
    assertThat(treeLabels()).contains("coding", "code generation", "devops");
  }

  @Test
  void an_added_and_named_domain_shows_in_the_tree_and_reaches_the_workspace_file()
      throws Exception {
    // The new domain's name is selected, ready to be typed over.
    clickOn("#addDomainButton").write("billing");

    assertThat(treeLabels()).contains("billing");
    waitUntil(() -> session().autosaver().stateProperty().get() == SaveState.SAVED);
    assertThat(lookup("#saveStatusLabel").queryLabeled().getText()).isEqualTo("Saved");

    Path file = session().path();
    interact(() -> workbench.workspaces().close());
    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.policies().load().taxonomy().domains())
          .extracting(Domain::name)
          .contains("billing");
    }
  }

  @Test
  void undo_restores_an_edited_description_in_one_step() {
    Action generation = action("code generation");
    selectInTree("code generation");
    StyleClassedTextArea description =
        lookup("#nodeDescriptionArea").queryAs(StyleClassedTextArea.class);
    assertThat(description.getText()).isEqualTo(generation.description());

    clickOn(description).push(KeyCode.CONTROL, KeyCode.A).write("Anything about code.");
    assertThat(action("code generation").description()).isEqualTo("Anything about code.");

    push(KeyCode.CONTROL, KeyCode.Z);

    assertThat(action("code generation").description()).isEqualTo(generation.description());
    assertThat(description.getText()).isEqualTo(generation.description());
  }

  @Test
  void one_undo_key_press_undoes_exactly_one_step() {
    selectInTree("debugging");
    clickOn("#nodeNameField").push(KeyCode.CONTROL, KeyCode.A).write("bug fixing");
    selectInTree("code review");
    clickOn("#nodeNameField").push(KeyCode.CONTROL, KeyCode.A).write("reviews");

    push(KeyCode.CONTROL, KeyCode.Z);

    assertThat(actionNames()).contains("bug fixing", "code review").doesNotContain("reviews");
  }

  @Test
  void clicking_a_problem_selects_the_node_it_is_about() {
    selectInTree("test writing");
    clickOn(lookup("#nodeDescriptionArea").queryAs(StyleClassedTextArea.class))
        .push(KeyCode.CONTROL, KeyCode.A)
        .push(KeyCode.DELETE);
    selectInTree("coding");

    TableRow<?> problem =
        lookup("#validationTable .table-row-cell")
            .match(
                row ->
                    row instanceof TableRow<?> r
                        && r.getItem() instanceof IssueRow issue
                        && issue.severity() == Severity.ERROR)
            .queryAs(TableRow.class);
    clickOn(problem);

    assertThat(selectedNodeName()).isEqualTo("test writing");
    assertThat(lookup("#validationSummary").queryLabeled().getText()).contains("1 error");
  }

  @Test
  void keyboard_shortcuts_add_an_action_to_the_selected_domain_and_delete_it_again() {
    selectInTree("devops");

    push(KeyCode.CONTROL, KeyCode.N).write("monitoring");

    assertThat(treeLabels()).contains("monitoring");
    assertThat(document().taxonomy().domains())
        .filteredOn(d -> d.name().equals("devops"))
        .singleElement()
        .satisfies(d -> assertThat(d.actions()).extracting(Action::name).endsWith("monitoring"));

    selectInTree("monitoring");
    push(KeyCode.DELETE);

    assertThat(actionNames()).doesNotContain("monitoring");
    assertThat(treeLabels()).doesNotContain("monitoring");
  }

  @Test
  void an_imported_policy_document_replaces_the_tree_until_one_undo_brings_it_back()
      throws Exception {
    Path file =
        Files.writeString(
            home.resolve("team.policy.yaml"),
            PolicyDocumentYaml.write(Documents.codingAndWriting()));
    assertThat(menuItem(this, "importPoliciesMenuItem").isDisable()).isFalse();

    interact(() -> workbench.window().transfers().importFrom(file));
    waitUntil(() -> lookup("#importConfirmButton").tryQuery().isPresent());
    clickOn("#importConfirmButton");
    waitUntil(() -> treeLabels().contains("email drafting"));

    assertThat(treeLabels()).doesNotContain("devops");
    assertThat(lookup("#transferStatusLabel").queryLabeled().getText())
        .startsWith("Imported 3 routes and 3 targets from team.policy.yaml");
    waitUntil(() -> session().autosaver().stateProperty().get() == SaveState.SAVED);

    push(KeyCode.CONTROL, KeyCode.Z);

    assertThat(treeLabels()).contains("devops").doesNotContain("email drafting");
  }

  @Test
  void exporting_writes_a_proxy_config_of_the_workspace_routes() throws Exception {
    Path out = home.resolve("deploy/arch_config.yaml");

    interact(() -> workbench.window().transfers().exportTo(out, ExportFormat.ARCHGW));
    waitUntil(() -> Files.exists(out));

    var readBack = ConfigFiles.readPolicies("arch_config.yaml", Files.readString(out));
    assertThat(readBack.routeOrder())
        .containsExactlyInAnyOrderElementsOf(document().taxonomy().routeNames());
    waitUntil(
        () ->
            lookup("#transferStatusLabel")
                .queryLabeled()
                .getText()
                .equals("Exported the archgw config (v0.3.0) to " + out));
  }

  @Test
  void the_proxy_tab_sets_up_a_self_hosted_router_and_its_problems_lead_back_to_it()
      throws Exception {
    clickOn("Proxy");
    clickOn("#selfHostedRouterCheckBox");
    clickOn("#routerBaseUrlField").push(KeyCode.CONTROL, KeyCode.A).write("localhost:11434");

    assertThat(document().selfHostedRouter().baseUrl()).isEqualTo("localhost:11434");
    assertThat(document().selfHostedRouter().model())
        .isEqualTo("hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M");

    clickOn("Taxonomy");
    TableRow<?> problem =
        lookup("#validationTable .table-row-cell")
            .match(
                row ->
                    row instanceof TableRow<?> r
                        && r.getItem() instanceof IssueRow issue
                        && issue.path().equals("router.base_url"))
            .queryAs(TableRow.class);
    clickOn(problem);

    assertThat(lookup("#routerModelField").query().isVisible()).isTrue();
    assertThat(lookup("#routerModelField").query().isFocused()).isTrue();
  }

  @Test
  void the_playtest_routes_a_typed_message_live_and_highlights_the_route() throws Exception {
    String route = typeInPlaytest("Write a Rust function that parses ISO dates");

    // The route list restyles its cells on the next layout pass: until then the cell of the
    // constrained preview's route may still be the marked one.
    assertThat(route).isEqualTo("debugging");
    waitUntil(
        () ->
            lookup(".chosen-route").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .toList()
                .equals(List.of(route)));
    assertThat(lookup("#routerModelLabel").queryLabeled().getText()).contains("· qwen2");
  }

  @Test
  void a_sent_playtest_message_keeps_its_route_and_can_be_saved_as_a_test_case() throws Exception {
    String route = typeInPlaytest("Write a Rust function that parses ISO dates");

    push(KeyCode.CONTROL, KeyCode.ENTER);

    assertThat(lookup("#playtestTurns").queryListView().getItems())
        .singleElement()
        .isInstanceOfSatisfying(
            Turn.class,
            turn -> {
              assertThat(turn.role()).isEqualTo(Role.USER);
              assertThat(turn.text()).isEqualTo("Write a Rust function that parses ISO dates");
              assertThat(turn.route()).isEqualTo(route);
            });

    interact(
        () ->
            workbench
                .window()
                .workspacePane()
                .playtest()
                .cases()
                .saveAsTestCase("Playtests", "rust dates", List.of("code generation")));
    waitUntil(
        () -> lookup("#playtestSaveOutcome").queryLabeled().getText().startsWith("Saved “rust"));
    Path file = session().path();
    interact(() -> workbench.workspaces().close());
    try (Workspace workspace = WorkspaceFile.open(file)) {
      var saved = workspace.suites().findSuiteByName("Playtests").orElseThrow().cases();
      assertThat(saved)
          .singleElement()
          .satisfies(
              testCase ->
                  assertThat(testCase.messages().get(0).expectedRoute())
                      .isEqualTo("code generation"));
    }
  }

  @Test
  void closing_the_workspace_shows_the_welcome_screen_with_it_among_the_recent_ones() {
    Path file = session().path();

    push(KeyCode.CONTROL, KeyCode.W);

    assertThat(workbench.workspaces().current()).isEmpty();
    assertThat(stage.getTitle()).isEqualTo("RouteBench");
    assertThat(lookup("#welcomeNewButton").tryQuery()).isPresent();
    assertThat(lookup(".hyperlink").queryAllAs(javafx.scene.control.Hyperlink.class))
        .extracting(javafx.scene.control.Hyperlink::getText)
        .containsExactly(file.toString());
  }

  @Test
  void the_window_size_is_remembered_for_the_next_start() {
    interact(() -> stage.setWidth(900));

    interact(() -> workbench.shutdown());

    var settings =
        io.routebench.app.settings.SettingsStore.load(
            home.resolve("settings.json"),
            "test",
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(),
            java.time.Duration.ofHours(1));
    assertThat(settings.current().windowBounds())
        .hasValueSatisfying(b -> assertThat(b.width()).isEqualTo(900));
  }

  private List<String> actionNames() {
    return document().taxonomy().domains().stream()
        .flatMap(d -> d.actions().stream())
        .map(Action::name)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private TreeView<Object> tree() {
    return lookup("#taxonomyTree").queryAs(TreeView.class);
  }

  private String selectedNodeName() {
    assertThat(tree().getSelectionModel().getSelectedItem()).isNotNull();
    NodeRef node = workbench.window().workspacePane().taxonomy().selection().orElseThrow();
    return document().taxonomy().domains().stream()
        .flatMap(
            d ->
                Stream.concat(
                    Stream.of(Map.entry(d.id(), d.name())),
                    d.actions().stream().map(a -> Map.entry(a.id(), a.name()))))
        .filter(entry -> entry.getKey().equals(node.id()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Loads a tiny model that answers {@code debugging}, types {@code message} in the playtest and
   * waits for its exact route (after the preview).
   */
  private String typeInPlaytest(String message) throws Exception {
    // A model whose weights answer "debugging", as a trained router answers: free decoding
    // gives a real route (random weights would write garbage, a proxy error).
    Path model = TinyGgufModels.answeringRoute(home.resolve("models"), "debugging");
    interact(() -> workbench.router().load(model, failure -> {}));
    waitUntil(() -> workbench.router().loadedProperty().get() != null);
    clickOn("Playtest");
    clickOn("#playtestDraft").write(message);
    // The exact answer for the whole message: not the constrained preview that comes first, nor
    // an answer for a prefix typed before the last pause. The why of the draft's exact answer
    // holds the prompt it was made for.
    var playtest = workbench.window().workspacePane().playtest();
    waitUntil(
        () -> {
          var why = playtest.why().detailsProperty().get();
          return why != null
              && why.prompt().contains(message + "\"")
              && lookup("#playtestStatusLabel").queryLabeled().getText().isEmpty();
        });
    return lookup("#playtestRouteLabel").queryLabeled().getText();
  }

  /** The waits of this class keep their 10-second limit (the fixture allows slower work 60). */
  static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    waitUntil(10, condition);
  }
}
