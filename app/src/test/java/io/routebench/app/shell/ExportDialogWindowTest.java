package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.transfer.ExportChoice;
import io.routebench.app.transfer.ExportDialog;
import io.routebench.app.transfer.ExportFormat;
import io.routebench.core.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;

class ExportDialogWindowTest extends WorkbenchFixture {

  @Test
  void the_export_preview_matches_the_written_file_byte_for_byte() throws Exception {
    var dialog = new AtomicReference<ExportDialog>();
    interact(() -> dialog.set(workbench.window().openExport(ExportFormat.ARCHGW)));
    @SuppressWarnings("unchecked")
    ChoiceBox<ExportChoice> format = lookup("#exportFormatChoice").queryAs(ChoiceBox.class);

    for (ExportChoice choice : ExportChoice.ALL) {
      interact(() -> format.setValue(choice));
      String shown = dialog.get().shownText();
      assertThat(shown).as(choice.label()).isNotBlank();
      Path out = home.resolve("export/" + ExportChoice.ALL.indexOf(choice) + ".yaml");

      interact(() -> dialog.get().saveTo(out));
      waitUntil(() -> Files.exists(out));

      assertThat(Files.readAllBytes(out))
          .as(choice.label())
          .isEqualTo(shown.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(lookup("#exportValidationLabel").queryLabeled().getText()).startsWith("Valid");
  }

  @Test
  void errors_block_writing_and_are_named_in_words() {
    interact(
        () ->
            session()
                .editor()
                .apply(
                    "break",
                    d ->
                        d.withTaxonomy(
                            new Taxonomy(
                                d.taxonomy().domains().stream()
                                    .map(
                                        domain ->
                                            domain.withActions(
                                                domain.actions().stream()
                                                    .map(
                                                        a ->
                                                            a.name().equals("debugging")
                                                                ? a.withDescription("")
                                                                : a)
                                                    .toList()))
                                    .toList()))));
    interact(() -> workbench.window().openExport(ExportFormat.PLANO));

    assertThat(lookup("#exportSaveButton").queryButton().isDisabled()).isTrue();
    assertThat(lookup("#exportValidationLabel").queryLabeled().getText())
        .startsWith("Nothing can be written")
        .contains("debugging");
  }
}
