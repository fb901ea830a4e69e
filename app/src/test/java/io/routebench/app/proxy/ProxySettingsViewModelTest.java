package io.routebench.app.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.app.testing.ManualUiTimer;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.workspace.SelfHostedRouter;
import org.junit.jupiter.api.Test;

class ProxySettingsViewModelTest {

  private final ManualUiTimer timer = new ManualUiTimer();
  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final ProxySettingsViewModel viewModel = new ProxySettingsViewModel(editor, timer);

  @Test
  void the_form_shows_the_document_as_loaded() {
    assertThat(viewModel.profileProperty().get()).isEqualTo(PromptProfile.ARCHGW_V1);
    assertThat(viewModel.selfHostedProperty().get()).isFalse();
    assertThat(viewModel.routerModelProperty().get())
        .isEqualTo(ProxySettingsViewModel.SUGGESTED_ROUTER.model());
    assertThat(editor.canUndoProperty().get()).isFalse();
  }

  @Test
  void the_route_order_shown_is_the_prompt_and_export_order_and_follows_edits() {
    assertThat(viewModel.routeOrderProperty().get())
        .contains("grouped by target model")
        .endsWith(": debugging, code generation, email drafting.");

    editor.apply(
        "reorder targets", document -> document.withTargets(document.targets().reversed()));

    assertThat(viewModel.routeOrderProperty().get())
        .endsWith(": email drafting, code generation, debugging.");
  }

  @Test
  void choosing_a_profile_is_one_undoable_edit() {
    viewModel.profileProperty().set(PromptProfile.PLANO_V1);

    assertThat(editor.document().profile()).isEqualTo(PromptProfile.PLANO_V1);
    assertThat(editor.undoLabelProperty().get()).isEqualTo("change prompt profile");

    editor.undo();

    assertThat(viewModel.profileProperty().get()).isEqualTo(PromptProfile.ARCHGW_V1);
  }

  @Test
  void switching_the_router_on_starts_from_arch_router_on_ollama() {
    viewModel.selfHostedProperty().set(true);

    assertThat(editor.document().selfHostedRouter())
        .isEqualTo(ProxySettingsViewModel.SUGGESTED_ROUTER);
  }

  @Test
  void typing_a_field_is_one_undo_step_and_empty_optional_fields_are_absent() {
    viewModel.selfHostedProperty().set(true);

    viewModel.routerModelProperty().set("hf.co/katanemo/Arch-Router-1.5B.gguf:Q8");
    viewModel.routerModelProperty().set("hf.co/katanemo/Arch-Router-1.5B.gguf:Q8_0");
    viewModel.endTypingBurst();
    viewModel.routerBaseUrlProperty().set("");
    viewModel.routerProviderNameProperty().set("router");

    assertThat(editor.document().selfHostedRouter())
        .isEqualTo(
            new SelfHostedRouter("hf.co/katanemo/Arch-Router-1.5B.gguf:Q8_0", null, "router"));

    editor.undo(); // provider name
    editor.undo(); // base URL
    editor.undo(); // the whole model burst

    assertThat(editor.document().selfHostedRouter())
        .isEqualTo(ProxySettingsViewModel.SUGGESTED_ROUTER);
    assertThat(viewModel.routerModelProperty().get())
        .isEqualTo(ProxySettingsViewModel.SUGGESTED_ROUTER.model());
  }

  @Test
  void switching_the_router_off_and_on_again_brings_back_what_was_typed() {
    viewModel.selfHostedProperty().set(true);
    viewModel.routerBaseUrlProperty().set("https://router.internal:8443");

    viewModel.selfHostedProperty().set(false);

    assertThat(editor.document().selfHostedRouter()).isNull();
    assertThat(viewModel.routerBaseUrlProperty().get()).isEqualTo("https://router.internal:8443");

    viewModel.selfHostedProperty().set(true);

    assertThat(editor.document().selfHostedRouter().baseUrl())
        .isEqualTo("https://router.internal:8443");
  }

  @Test
  void fields_typed_while_the_router_is_off_change_nothing() {
    viewModel.routerModelProperty().set("something");

    assertThat(editor.document().selfHostedRouter()).isNull();
    assertThat(editor.canUndoProperty().get()).isFalse();
  }

  @Test
  void typing_a_password_into_the_router_url_keeps_no_part_of_it_stored() {
    viewModel.selfHostedProperty().set(true);
    String stored = editor.document().selfHostedRouter().baseUrl();

    for (String typed :
        new String[] {
          "http://bob", "http://bob:hun", "http://bob:hunter2", "http://bob:hunter2@"
        }) {
      viewModel.routerBaseUrlProperty().set(typed);
    }

    assertThat(editor.document().selfHostedRouter().baseUrl()).isEqualTo(stored);
    assertThat(viewModel.refusedEditProperty().get())
        .startsWith("Not saved: the base URL holds a literal secret (a password in the URL");
    editor.undo();
    editor.redo();
    assertThat(editor.document().selfHostedRouter().baseUrl()).isEqualTo(stored);

    viewModel.endTypingBurst();

    assertThat(viewModel.routerBaseUrlProperty().get()).isEqualTo(stored);
  }

  @Test
  void a_refused_url_is_explained_until_the_next_edit_or_for_a_while() {
    viewModel.selfHostedProperty().set(true);
    viewModel.routerBaseUrlProperty().set("http://bob:hunter2@");
    viewModel.endTypingBurst();
    assertThat(viewModel.refusedEditProperty().get())
        .as("kept once the field is left")
        .isNotEmpty();

    viewModel.routerModelProperty().set("arch-router");

    assertThat(viewModel.refusedEditProperty().get()).isEmpty();

    viewModel.routerBaseUrlProperty().set("http://bob:hunter2@");
    timer.fireAll();

    assertThat(viewModel.refusedEditProperty().get()).isEmpty();
  }
}
