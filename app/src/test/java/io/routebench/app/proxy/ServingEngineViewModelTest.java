package io.routebench.app.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingEngineViewModelTest {

  @TempDir Path dir;

  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final ServingEngineViewModel viewModel = new ServingEngineViewModel(editor);

  @Test
  void a_workspace_starts_served_by_ollama_and_says_what_the_model_reads() {
    assertThat(viewModel.servedByProperty().get()).isEqualTo(ServingEngine.OLLAMA);
    assertThat(viewModel.wrappingProperty().get())
        .startsWith("Wrapped with Ollama's Go template for the model")
        .contains("(text A)");
    assertThat(viewModel.shortWrappingProperty().get())
        .isEqualTo("Arch-Router reads no system turn (text A)");
    assertThat(viewModel.templateChoosableProperty().get()).isFalse();
    assertThat(viewModel.templateProperty().get()).isEqualTo("Ollama's Go template for the model");
  }

  @Test
  void choosing_an_engine_is_one_undoable_edit_of_the_document() {
    viewModel.servedByProperty().set(ServingEngine.VLLM);

    assertThat(editor.document().promptWrapping()).isEqualTo(PromptWrapping.of(ServingEngine.VLLM));
    assertThat(viewModel.wrappingProperty().get()).contains("(text B)");
    assertThat(viewModel.shortWrappingProperty().get()).endsWith("(text B)");
    assertThat(viewModel.templateChoosableProperty().get()).isTrue();
    assertThat(editor.undoLabelProperty().get()).contains("vLLM");

    editor.undo();

    assertThat(viewModel.servedByProperty().get()).isEqualTo(ServingEngine.OLLAMA);
  }

  @Test
  void a_template_file_of_ones_own_is_kept_in_the_workspace_until_the_engine_cannot_render_it()
      throws Exception {
    viewModel.servedByProperty().set(ServingEngine.LLAMA_SERVER);
    Path file = dir.resolve("mine.jinja");
    Files.writeString(file, "{% for m in messages %}{{ m.content }}{% endfor %}");

    viewModel.useTemplateFile(file);

    assertThat(editor.document().promptWrapping().customTemplate().text())
        .isEqualTo(Files.readString(file));
    assertThat(viewModel.templateProperty().get()).startsWith("Your own: mine.jinja sha256:");
    viewModel.servedByProperty().set(ServingEngine.OLLAMA);
    assertThat(editor.document().promptWrapping().customTemplate()).isNull();
    editor.undo();
    assertThat(viewModel.customTemplateProperty().get()).isTrue();
    viewModel.useModelTemplate();
    assertThat(editor.document().promptWrapping().customTemplate()).isNull();
  }

  @Test
  void a_template_routebench_will_not_render_is_refused_and_nothing_changes() throws Exception {
    viewModel.servedByProperty().set(ServingEngine.VLLM);
    PromptWrapping before = editor.document().promptWrapping();
    Path file = dir.resolve("loop.jinja");
    Files.writeString(file, "{% for i in range(5000000) %}{{ messages }}{% endfor %}");

    viewModel.useTemplateFile(file);

    assertThat(editor.document().promptWrapping()).isEqualTo(before);
    assertThat(viewModel.templateProblemProperty().get())
        .startsWith("loop.jinja is not used: RouteBench does not render it")
        .contains("5000000");
  }

  @Test
  void typing_a_system_message_is_one_undo_step_per_burst() {
    viewModel.systemMessageProperty().set("Y");
    viewModel.systemMessageProperty().set("You route.");
    viewModel.endTypingBurst();

    assertThat(editor.document().promptWrapping().systemMessage()).isEqualTo("You route.");
    editor.undo();
    assertThat(editor.document().promptWrapping().systemMessage()).isEmpty();
    assertThat(viewModel.systemMessageProperty().get()).isEmpty();
  }
}
