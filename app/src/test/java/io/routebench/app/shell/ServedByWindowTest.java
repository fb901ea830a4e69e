package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RecordedWrapping;
import io.routebench.core.routing.ServingEngine;
import java.util.Optional;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/**
 * The serving engine is part of the workspace, shown and changed in the router bar and the Proxy
 * tab, and the loaded router follows it: the model is loaded again under the new wrapping.
 */
class ServedByWindowTest extends WorkbenchFixture {

  @Test
  void choosing_another_engine_in_the_router_bar_reloads_the_model_under_its_wrapping()
      throws Exception {
    loadTinyModel();
    assertThat(wrappingOfLoadedRouter()).contains(PromptWrapping.DEFAULT.recorded());
    assertThat(workbench.router().loadedProperty().get().description())
        .contains("wrapped as ollama wraps it");
    assertThat(lookup("#routerBarWrappingLabel").queryAs(Labeled.class).getText())
        .contains("(text A)");

    interact(() -> servedByChoice("#routerBarServedByChoice").setValue(ServingEngine.VLLM));

    assertThat(document().promptWrapping()).isEqualTo(PromptWrapping.of(ServingEngine.VLLM));
    waitUntil(
        () ->
            wrappingOfLoadedRouter()
                .equals(Optional.of(PromptWrapping.of(ServingEngine.VLLM).recorded())));
    assertThat(lookup("#routerBarWrappingLabel").queryAs(Labeled.class).getText())
        .contains("(text B)");
    assertThat(servedByChoice("#servedByChoice").getValue()).isEqualTo(ServingEngine.VLLM);

    interact(() -> session().editor().undo());

    waitUntil(
        () -> wrappingOfLoadedRouter().equals(Optional.of(PromptWrapping.DEFAULT.recorded())));
    assertThat(servedByChoice("#routerBarServedByChoice").getValue())
        .isEqualTo(ServingEngine.OLLAMA);
  }

  private Optional<RecordedWrapping> wrappingOfLoadedRouter() {
    var loaded = workbench.router().loadedProperty().get();
    return loaded == null || workbench.router().loadingProperty().get()
        ? Optional.empty()
        : loaded.selector().wrapping();
  }

  @SuppressWarnings("unchecked")
  private ChoiceBox<ServingEngine> servedByChoice(String id) {
    return lookup(id).queryAs(ChoiceBox.class);
  }
}
