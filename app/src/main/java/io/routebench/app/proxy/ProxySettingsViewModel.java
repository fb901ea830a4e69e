package io.routebench.app.proxy;

import io.routebench.app.forms.ExpiringMessage;
import io.routebench.app.tasks.UiTimer;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOrder;
import io.routebench.core.validation.SecretDetector;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The proxy the policies are deployed to: which router prompt it sends (the profile every decision
 * and run is made with) and the router model it calls, when the team serves Arch-Router itself.
 * Like the details form, the properties mirror the document and write every change back through the
 * {@link DocumentEditor}; typing in a field is one undo step per field.
 */
public final class ProxySettingsViewModel {

  /** What a newly enabled router starts as: Arch-Router from Hugging Face, served by Ollama. */
  static final SelfHostedRouter SUGGESTED_ROUTER =
      new SelfHostedRouter(
          "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M", "http://localhost:11434", null);

  private final DocumentEditor editor;
  private final ServingEngineViewModel servingEngine;
  private final ObjectProperty<PromptProfile> profile =
      new SimpleObjectProperty<>(this, "profile", PromptProfile.ARCHGW_V1);
  private final BooleanProperty selfHosted = new SimpleBooleanProperty(this, "selfHosted");
  private final StringProperty routerModel = new SimpleStringProperty(this, "routerModel", "");
  private final StringProperty routerBaseUrl = new SimpleStringProperty(this, "routerBaseUrl", "");
  private final StringProperty routerProviderName =
      new SimpleStringProperty(this, "routerProviderName", "");
  private final ReadOnlyStringWrapper routeOrder = new ReadOnlyStringWrapper(this, "routeOrder");

  /**
   * The router as the user switched it off, so switching it on again brings it back; only the
   * switch sets it, so that undoing an import does not leave the imported router behind.
   */
  private SelfHostedRouter lastRouter = SUGGESTED_ROUTER;

  /** Set while the properties are filled from the document, so that doing so edits nothing. */
  private boolean loading;

  private final ExpiringMessage refusedEdit;

  /** Whether the base URL field is in a typing burst, and the stored URL from before it. */
  private boolean typingBaseUrl;

  private String baseUrlBeforeTyping;

  /**
   * @param timer takes the message about a refused URL away after a while
   */
  public ProxySettingsViewModel(DocumentEditor editor, UiTimer timer) {
    this.editor = editor;
    this.servingEngine = new ServingEngineViewModel(editor);
    this.refusedEdit = new ExpiringMessage(timer);
    editor
        .documentProperty()
        .addListener(
            (obs, old, now) -> {
              // An edit after the refused typing (an undo, another field) makes the refusal old
              // news; the typing's own edits (putting the stored URL back) do not.
              if (!typingBaseUrl) {
                refusedEdit.clear();
              }
              reload();
            });
    profile.addListener((obs, old, now) -> profileChosen(now));
    selfHosted.addListener((obs, old, now) -> selfHostedToggled(now));
    routerModel.addListener(
        (obs, old, now) -> editRouter("router.model", "edit router model", r -> withModel(r, now)));
    routerBaseUrl.addListener((obs, old, now) -> baseUrlTyped(now));
    routerProviderName.addListener(
        (obs, old, now) ->
            editRouter(
                "router.provider_name", "rename router provider", r -> withProviderName(r, now)));
    reload();
  }

  /** The serving engine that wraps the prompt; the router bar shows and edits it too. */
  public ServingEngineViewModel servingEngine() {
    return servingEngine;
  }

  public ObjectProperty<PromptProfile> profileProperty() {
    return profile;
  }

  /** Whether the exported config names a router model the team serves itself. */
  public BooleanProperty selfHostedProperty() {
    return selfHosted;
  }

  public StringProperty routerModelProperty() {
    return routerModel;
  }

  /** Empty means the proxy's default for the model's provider. */
  public StringProperty routerBaseUrlProperty() {
    return routerBaseUrl;
  }

  /** Empty means the exporter's default ({@code arch-router} for archgw). */
  public StringProperty routerProviderNameProperty() {
    return routerProviderName;
  }

  /**
   * The order the router prompt and every export list the routes in, with the rule that makes it:
   * the proxy reads them in the exported order, so the prompt here must too.
   */
  public ReadOnlyStringProperty routeOrderProperty() {
    return routeOrder.getReadOnlyProperty();
  }

  /** A text field lost focus: the next keystroke starts a new undo step. */
  public void endTypingBurst() {
    editor.endTypingBurst();
    typingBaseUrl = false;
    if (!refusedEdit.get().isEmpty()) {
      // The field still shows the refused text: show what is stored instead.
      reload();
    }
  }

  /**
   * Why the base URL typed last is not stored (it holds a password or a key), empty otherwise. The
   * URL is stored keystroke by keystroke, so when a secret becomes recognisable (at the {@code @}
   * after {@code user:password}) the stored URL goes back to what it was before the typing began:
   * neither the workspace nor the undo history keeps a prefix of the password.
   */
  public ReadOnlyStringProperty refusedEditProperty() {
    return refusedEdit.textProperty();
  }

  private void baseUrlTyped(String now) {
    SelfHostedRouter stored = editor.document().selfHostedRouter();
    if (loading || stored == null) {
      return;
    }
    if (!typingBaseUrl) {
      typingBaseUrl = true;
      baseUrlBeforeTyping = stored.baseUrl();
    }
    var secret = SecretDetector.find(now);
    if (secret.isPresent()) {
      refusedEdit.show(
          "Not saved: the base URL holds a literal secret ("
              + secret.get()
              + "), so the stored URL stays as it was. "
              + SecretDetector.ADVICE
              + ".");
      String restored = baseUrlBeforeTyping;
      editRouter("router.base_url", "edit router URL", r -> withBaseUrl(r, restored));
      return;
    }
    refusedEdit.clear();
    editRouter("router.base_url", "edit router URL", r -> withBaseUrl(r, now));
  }

  private void reload() {
    loading = true;
    try {
      PolicyDocument document = editor.document();
      profile.set(document.profile());
      routeOrder.set(describeRouteOrder(document));
      SelfHostedRouter router = document.selfHostedRouter();
      selfHosted.set(router != null);
      // Without a router the (disabled) fields show what switching it on would bring: the one the
      // user switched off, or the suggestion; never a router that only an undone import brought.
      SelfHostedRouter shown = router != null ? router : lastRouter;
      routerModel.set(orEmpty(shown.model()));
      if (!typingBaseUrl || refusedEdit.get().isEmpty()) {
        routerBaseUrl.set(orEmpty(shown.baseUrl()));
      }
      routerProviderName.set(orEmpty(shown.providerName()));
    } finally {
      loading = false;
    }
  }

  private void profileChosen(PromptProfile chosen) {
    if (loading || chosen == null) {
      return;
    }
    editor.apply("change prompt profile", document -> document.withProfile(chosen));
  }

  private void selfHostedToggled(boolean on) {
    if (loading) {
      return;
    }
    SelfHostedRouter current = editor.document().selfHostedRouter();
    if (!on && current != null) {
      lastRouter = current;
    }
    SelfHostedRouter router = on ? lastRouter : null;
    editor.apply(
        on ? "add self-hosted router" : "remove self-hosted router",
        document -> document.withSelfHostedRouter(router));
  }

  private void editRouter(String burstKey, String label, UnaryOperator<SelfHostedRouter> change) {
    if (loading || editor.document().selfHostedRouter() == null) {
      return;
    }
    editor.applyTyping(
        burstKey,
        label,
        document -> document.withSelfHostedRouter(change.apply(document.selfHostedRouter())));
  }

  private static SelfHostedRouter withModel(SelfHostedRouter router, String model) {
    // Kept as typed, even empty: the validator names the problem instead of the form hiding it.
    return new SelfHostedRouter(model, router.baseUrl(), router.providerName());
  }

  private static SelfHostedRouter withBaseUrl(SelfHostedRouter router, String baseUrl) {
    return new SelfHostedRouter(router.model(), absentIfEmpty(baseUrl), router.providerName());
  }

  private static SelfHostedRouter withProviderName(SelfHostedRouter router, String name) {
    return new SelfHostedRouter(router.model(), router.baseUrl(), absentIfEmpty(name));
  }

  static String describeRouteOrder(PolicyDocument document) {
    List<String> names = RouteOrder.routeNames(document);
    return "Routes are listed to the router, and in the exported config, in this order ("
        + RouteOrder.RULE
        + "): "
        + (names.isEmpty() ? "no routes yet" : String.join(", ", names))
        + ".";
  }

  private static String absentIfEmpty(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
