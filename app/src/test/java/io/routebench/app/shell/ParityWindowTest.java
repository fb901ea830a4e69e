package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.RouteOption;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.remote.PlanoStandIn;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Routing ▸ Parity Run with plano… in the real workbench: the loaded tiny model answers the first
 * route to everything; the plano stand-in routes "crash" to it too and "parser" to the second, so
 * exactly one turn is routed apart.
 */
class ParityWindowTest extends WorkbenchFixture {

  @Test
  void a_parity_run_from_the_routing_menu_lists_the_turn_plano_routes_apart() throws Exception {
    List<String> routes = RouteOption.allOf(document()).stream().map(RouteOption::name).toList();
    String first = routes.get(0);
    String second = routes.get(1);
    loadModel(TinyGgufModels.answeringRoute(home.resolve("models"), first));
    onFileThread(
        () -> {
          TestSuite suite = session().file().suites().createSuite("parity", "");
          session()
              .file()
              .suites()
              .addCases(
                  suite.id(),
                  List.of(
                      new TestCase(
                          "p-1",
                          "crash",
                          List.of(),
                          "",
                          List.of(CaseMessage.user("It shows a crash", first))),
                      new TestCase(
                          "p-2",
                          "parser",
                          List.of(),
                          "",
                          List.of(CaseMessage.user("Write a parser", second)))));
          return null;
        });

    try (var plano =
        new PlanoStandIn(List.of(), Map.of())
            .routingByKeyword(Map.of("crash", first, "parser", second))) {
      interact(() -> WorkbenchFixture.menuItem(this, "parityRunMenuItem").fire());
      waitUntil(() -> lookup("#paritySuiteCombo").tryQuery().isPresent());
      waitUntil(() -> !lookup("#paritySuiteCombo").queryComboBox().getItems().isEmpty());
      interact(() -> lookup("#parityPlanoField").queryAs(TextField.class).setText(plano.address()));
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(lookup("#parityProblemLabel").queryAs(Labeled.class).getText()).isEmpty();

      clickOn("#parityRunButton");
      waitUntil(
          () -> lookup("#parityMessage").queryAs(Labeled.class).getText().startsWith("parity "));
    }

    assertThat(lookup("#parityMessage").queryAs(Labeled.class).getText())
        .isEqualTo("parity 50.0% (1 of 2 turns routed alike)");
    TableView<?> table = lookup("#parityDifferencesTable").queryTableView();
    assertThat(table.getItems()).hasSize(1);
    assertThat(lookup("#paritySaveButton").query().isDisabled()).isFalse();
  }
}
