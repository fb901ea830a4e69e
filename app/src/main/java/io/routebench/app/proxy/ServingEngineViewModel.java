package io.routebench.app.proxy;

import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.llama.PromptWrappers;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * How the user's serving engine wraps the router prompt (the workspace's {@link PromptWrapping}):
 * the engine, a Jinja template of their own, a system message. Mirrors the document and writes
 * every change back through the {@link DocumentEditor}, one undo step each (a typing burst for the
 * system message). Shared by the Proxy tab and the router bar.
 */
public final class ServingEngineViewModel {

  private final DocumentEditor editor;
  private final ObjectProperty<ServingEngine> servedBy =
      new SimpleObjectProperty<>(this, "servedBy", ServingEngine.OLLAMA);
  private final StringProperty systemMessage = new SimpleStringProperty(this, "systemMessage", "");
  private final ReadOnlyStringWrapper template = new ReadOnlyStringWrapper(this, "template");
  private final ReadOnlyBooleanWrapper customTemplate =
      new ReadOnlyBooleanWrapper(this, "customTemplate");
  private final ReadOnlyBooleanWrapper templateChoosable =
      new ReadOnlyBooleanWrapper(this, "templateChoosable");
  private final ReadOnlyStringWrapper wrapping = new ReadOnlyStringWrapper(this, "wrapping");
  private final ReadOnlyStringWrapper shortWrapping =
      new ReadOnlyStringWrapper(this, "shortWrapping");
  private final ReadOnlyStringWrapper templateProblem =
      new ReadOnlyStringWrapper(this, "templateProblem", "");

  /** Set while the properties are filled from the document, so that doing so edits nothing. */
  private boolean loading;

  public ServingEngineViewModel(DocumentEditor editor) {
    this.editor = editor;
    editor.documentProperty().addListener((obs, old, now) -> reload());
    servedBy.addListener((obs, old, now) -> engineChosen(now));
    systemMessage.addListener((obs, old, now) -> systemMessageTyped(now));
    reload();
  }

  public ObjectProperty<ServingEngine> servedByProperty() {
    return servedBy;
  }

  /** What the server adds as a system message; empty for none. */
  public StringProperty systemMessageProperty() {
    return systemMessage;
  }

  /** The template in use: the model's own, or the custom file's name and fingerprint. */
  public ReadOnlyStringProperty templateProperty() {
    return template.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty customTemplateProperty() {
    return customTemplate.getReadOnlyProperty();
  }

  /** Whether the engine renders Jinja, and so can be given a template of the user's own. */
  public ReadOnlyBooleanProperty templateChoosableProperty() {
    return templateChoosable.getReadOnlyProperty();
  }

  /** What the model reads under the chosen engine, in a sentence. */
  public ReadOnlyStringProperty wrappingProperty() {
    return wrapping.getReadOnlyProperty();
  }

  /** What the model reads, in a few words for the router bar. */
  public ReadOnlyStringProperty shortWrappingProperty() {
    return shortWrapping.getReadOnlyProperty();
  }

  /** Why the last template file chosen was not used; empty otherwise. */
  public ReadOnlyStringProperty templateProblemProperty() {
    return templateProblem.getReadOnlyProperty();
  }

  /**
   * Uses the Jinja template in {@code file} in place of the model's, after the same bounds check a
   * model's template gets; a file that cannot be used leaves the wrapping as it was and says why.
   */
  public void useTemplateFile(Path file) {
    CustomChatTemplate chosen;
    try {
      if (Files.size(file) > 4L * CustomChatTemplate.MAX_CHARS) {
        templateProblem.set(file.getFileName() + " is too large for a chat template.");
        return;
      }
      chosen = new CustomChatTemplate(file.getFileName().toString(), Files.readString(file));
    } catch (CharacterCodingException e) {
      templateProblem.set(file.getFileName() + " is not UTF-8 text.");
      return;
    } catch (IOException e) {
      templateProblem.set("Cannot read " + file.getFileName() + ": " + e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      templateProblem.set(capitalised(e.getMessage()) + ".");
      return;
    }
    var refusal = PromptWrappers.customTemplateRefusal(chosen.text());
    if (refusal.isPresent()) {
      templateProblem.set(
          file.getFileName() + " is not used: RouteBench does not render it, as " + refusal.get());
      return;
    }
    templateProblem.set("");
    edit("use chat template " + chosen.fileName(), w -> w.withCustomTemplate(chosen));
  }

  /** Back to the model's own template. */
  public void useModelTemplate() {
    templateProblem.set("");
    edit("use the model's chat template", w -> w.withCustomTemplate(null));
  }

  /** The system message field lost focus: the next keystroke starts a new undo step. */
  public void endTypingBurst() {
    editor.endTypingBurst();
  }

  private void reload() {
    loading = true;
    try {
      PromptWrapping now = editor.document().promptWrapping();
      servedBy.set(now.servedBy());
      if (!systemMessage.get().equals(now.systemMessage())) {
        systemMessage.set(now.systemMessage());
      }
      customTemplate.set(now.customTemplate() != null);
      templateChoosable.set(now.servedBy().rendersJinja());
      template.set(
          now.customTemplateIfAny()
              .map(t -> "Your own: " + t.fingerprint())
              .orElse(
                  now.servedBy().rendersJinja()
                      ? "The model's own (from the GGUF)"
                      : now.servedBy() == ServingEngine.OLLAMA
                          ? "Ollama's Go template for the model"
                          : "llama.cpp's built-in format for the model's template"));
      wrapping.set("Wrapped with " + now.servedBy().wrapping() + ".");
      shortWrapping.set(inFewWords(now));
    } finally {
      loading = false;
    }
  }

  private void engineChosen(ServingEngine engine) {
    if (loading || engine == null) {
      return;
    }
    edit("serve the router with " + engine.label(), w -> w.withServedBy(engine));
  }

  private void systemMessageTyped(String text) {
    if (loading) {
      return;
    }
    String message = text == null ? "" : text;
    editor.applyTyping(
        "served_by.system_message",
        "edit the system message",
        document ->
            document.withPromptWrapping(document.promptWrapping().withSystemMessage(message)));
  }

  private void edit(String label, UnaryOperator<PromptWrapping> change) {
    editor.apply(
        label, document -> document.withPromptWrapping(change.apply(document.promptWrapping())));
  }

  private static String inFewWords(PromptWrapping wrapping) {
    if (wrapping.customTemplate() != null) {
      return "your template "
          + wrapping.customTemplate().fileName()
          + (wrapping.hasSystemMessage() ? ", with your system message" : "");
    }
    if (wrapping.hasSystemMessage()) {
      return "your system message as the system turn";
    }
    return switch (wrapping.servedBy()) {
      case OLLAMA, LLAMA_SERVER_NO_JINJA -> "Arch-Router reads no system turn (text A)";
      case VLLM, LLAMA_SERVER -> "Arch-Router reads Qwen's default system turn first (text B)";
    };
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
