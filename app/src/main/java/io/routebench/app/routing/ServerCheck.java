package io.routebench.app.routing;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.llama.LlamaRouteSelector;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.ServerRenderClient;
import io.routebench.inference.serving.ArchRouterReference;
import io.routebench.inference.serving.ExpectedRendering;
import io.routebench.inference.serving.RenderCheck;
import io.routebench.inference.serving.RenderComparison;
import io.routebench.inference.serving.ServerCheckProbe;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * "Check against my server" in Connect…: asks the server how it renders the open workspace's router
 * prompt and holds that against RouteBench's own text for the workspace's serving engine. That text
 * comes from the loaded GGUF (its template and tokens) when one is loaded under that wrapping, else
 * from Arch-Router's template, and the answer says which.
 */
public final class ServerCheck {

  private final LocalRouter router;
  private final Supplier<PolicyDocument> document;

  /**
   * @param document the open workspace's document, {@code null} without one; read on the UI thread
   */
  public ServerCheck(LocalRouter router, Supplier<PolicyDocument> document) {
    this.router = router;
    this.document = document;
  }

  /**
   * What a check asks, taken on the UI thread: the wrapping, the message, and RouteBench's text,
   * which a loaded model works out on its engine thread, queued now so that it runs before any
   * later unload closes the model.
   */
  public record Subject(
      PromptWrapping wrapping, String message, CompletableFuture<ExpectedRendering> expected) {}

  /** The subject of a check started now. UI thread. */
  public Subject subject() {
    PolicyDocument now = document.get();
    PromptWrapping wrapping = now == null ? PromptWrapping.DEFAULT : now.promptWrapping();
    String message =
        now == null
            ? ServerCheckProbe.userMessage(List.of(), PromptProfile.ARCHGW_V1)
            : ServerCheckProbe.userMessage(RouteOption.allOf(now), now.profile());
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    if (loaded != null
        && loaded.selector() instanceof LlamaRouteSelector local
        && local.wrapping().equals(Optional.of(wrapping.recorded()))) {
      var expected = new CompletableFuture<ExpectedRendering>();
      router.runOnEngineThread(
          () -> {
            try {
              expected.complete(local.expectedRendering(message));
            } catch (RuntimeException e) {
              expected.completeExceptionally(e);
            }
          });
      return new Subject(wrapping, message, expected);
    }
    return new Subject(
        wrapping,
        message,
        ArchRouterReference.expected(wrapping, message)
            .map(CompletableFuture::completedFuture)
            .orElseGet(
                () ->
                    CompletableFuture.failedFuture(
                        new IllegalStateException(
                            "The workspace's own chat template is rendered by llama.cpp: load"
                                + " the router's GGUF first, then check."))));
  }

  /** Asks the server and compares. Blocking: on a worker thread. */
  public RenderCheck run(Subject subject, OpenAiEndpointSettings endpoint) {
    ExpectedRendering expected;
    try {
      expected = subject.expected().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return RenderComparison.compare(
        subject.wrapping(),
        expected,
        new ServerRenderClient(endpoint).render(subject.wrapping().servedBy(), subject.message()),
        subject.message());
  }
}
