package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.workspace.SaveState;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.workspace.PolicyDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class ImportPreviewWindowTest extends WorkbenchFixture {

  /** A plano demo: routes over several models, a self-hosted router served by Ollama. */
  private static final String PLANO_CONFIG =
      """
      version: v0.4.0
      listeners:
        - type: model
          name: model_listener
          port: 12000
      model_providers:
        - model: plano/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M
          base_url: http://ollama.internal:11434
        - model: openai/gpt-5-2025-08-07
          access_key: $OPENAI_API_KEY
          default: true
        - model: anthropic/claude-sonnet-4-5
          access_key: $ANTHROPIC_API_KEY
      routing_preferences:
        - name: code_generation
          description: generating new code, writing functions, or creating boilerplate
          models: [anthropic/claude-sonnet-4-5]
        - name: code_understanding
          description: understand and explain existing code snippets, functions, or libraries
          models: [openai/gpt-5-2025-08-07]
        - name: trip planning
          description: planning a journey
          models: [openai/gpt-5-2025-08-07]
      overrides:
        llm_routing_model: plano/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M
      """;

  @Test
  void the_preview_names_what_changes_and_cancel_changes_nothing() throws Exception {
    PolicyDocument before = document();
    Path file = Files.writeString(home.resolve("plano_config.yaml"), PLANO_CONFIG);

    openImportPreview(file);

    assertThat(lookup("#importSummaryLabel").queryLabeled().getText())
        .startsWith("Importing plano_config.yaml replaces the policies (routes: ")
        .contains("3 added");
    assertThat(previewLines())
        .contains(
            "prompt profile “archgw-v1” → “plano-v1”",
            "self-hosted router (none) → “hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M”",
            "router base URL (none) → “http://ollama.internal:11434”")
        .anyMatch(line -> line.startsWith("+ code_generation — description “generating new code"))
        .anyMatch(line -> line.startsWith("− "))
        .contains("code — code_generation, code_understanding", "general — trip planning");

    clickOn("#importCancelButton");

    assertThat(lookup("#importConfirmButton").tryQuery()).isEmpty();
    assertThat(document()).isEqualTo(before);
    assertThat(session().editor().canUndoProperty().get()).isFalse();
  }

  @Test
  void import_takes_the_profile_from_the_dialect_and_one_undo_restores_everything()
      throws Exception {
    PolicyDocument before = document();
    Path file = Files.writeString(home.resolve("plano_config.yaml"), PLANO_CONFIG);

    importPolicies(file);
    waitUntil(() -> treeLabels().contains("code_understanding"));

    assertThat(document().profile()).isEqualTo(PromptProfile.PLANO_V1);
    assertThat(treeLabels()).contains("code", "general").doesNotContain("openai/gpt-5-2025-08-07");
    waitUntil(() -> session().autosaver().stateProperty().get() == SaveState.SAVED);
    clickOn("Proxy");
    assertThat(profileChoice().getValue()).isEqualTo(PromptProfile.PLANO_V1);
    assertThat(lookup("#selfHostedRouterCheckBox").queryAs(CheckBox.class).isSelected()).isTrue();
    assertThat(lookup("#routerBaseUrlField").queryAs(TextField.class).getText())
        .isEqualTo("http://ollama.internal:11434");

    push(KeyCode.CONTROL, KeyCode.Z);

    assertThat(document()).isEqualTo(before);
    assertThat(profileChoice().getValue()).isEqualTo(PromptProfile.ARCHGW_V1);
    assertThat(lookup("#selfHostedRouterCheckBox").queryAs(CheckBox.class).isSelected())
        .isEqualTo(before.selfHostedRouter() != null);
    assertThat(lookup("#routerBaseUrlField").queryAs(TextField.class).getText())
        .isNotEqualTo("http://ollama.internal:11434");
  }

  @Test
  void a_file_with_a_literal_secret_cannot_be_imported_and_says_why() throws Exception {
    PolicyDocument before = document();
    Path file =
        Files.writeString(
            home.resolve("leaky.yaml"),
            PLANO_CONFIG.replace(
                "$ANTHROPIC_API_KEY", "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789"));

    openImportPreview(file);

    assertThat(lookup("#importConfirmButton").queryButton().isDisabled()).isTrue();
    assertThat(lookup("#importRefusedLabel").queryLabeled().getText())
        .startsWith("Cannot import: the file holds 1 literal secret.");
    assertThat(previewLines()).anyMatch(line -> line.contains("literal secret"));

    push(KeyCode.ESCAPE);

    assertThat(lookup("#importConfirmButton").tryQuery()).isEmpty();
    assertThat(document()).isEqualTo(before);
  }

  private List<String> previewLines() {
    return lookup("#importChangesList .import-line").queryAllAs(Label.class).stream()
        .map(Label::getText)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private ChoiceBox<PromptProfile> profileChoice() {
    return lookup("#profileChoice").queryAs(ChoiceBox.class);
  }
}
