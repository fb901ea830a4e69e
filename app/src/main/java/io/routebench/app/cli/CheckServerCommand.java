package io.routebench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.app.settings.AppPaths;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.llama.FirstLoadCheck;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.llama.LlamaRouteSelector;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.ServerRenderClient;
import io.routebench.inference.serving.ArchRouterReference;
import io.routebench.inference.serving.ExpectedRendering;
import io.routebench.inference.serving.RenderCheck;
import io.routebench.inference.serving.RenderComparison;
import io.routebench.inference.serving.ServerCheckProbe;
import io.routebench.inference.serving.ServerRendering;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check-server",
    mixinStandardHelpOptions = true,
    description = {
      "Asks your serving engine how it renders the router's one user message and compares it with"
          + " RouteBench's own text for the chosen --served-by, token by token where the server"
          + " gives tokens (vLLM, llama-server). Exit 0 when they match, 1 when they differ.",
      "Ollama is asked through /api/chat with _debug_render_only (Ollama 0.11.5 or later),"
          + " llama-server through /apply-template and /tokenize, vLLM through /tokenize and"
          + " /detokenize."
    })
final class CheckServerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "URL",
      converter = EngineOptions.CredentialFreeUrl.class,
      description = "the server, e.g. http://localhost:11434 (with or without /v1)")
  String url;

  @Option(
      names = "--endpoint-model",
      paramLabel = "NAME",
      defaultValue = "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M",
      description = "model name the server serves the router as (default: ${DEFAULT-VALUE})")
  String endpointModel;

  @Option(
      names = "--model",
      paramLabel = "FILE.gguf",
      description =
          "the router's GGUF: RouteBench's text is then its own template's, with its tokens"
              + " (default: Arch-Router's template, text only)")
  Path model;

  @Option(
      names = {"--workspace", "--config"},
      paramLabel = "FILE",
      description =
          "workspace, policy document or proxy config: its routes, profile and serving engine")
  Path policies;

  @Mixin WrappingOptions wrapping;

  @Option(
      names = "--api-key-env",
      paramLabel = "VAR",
      description = "environment variable holding the server's API key")
  String apiKeyEnv;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "request timeout (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PromptWrapping workspaceWrapping = PromptWrapping.DEFAULT;
    List<RouteOption> routes = List.of();
    PromptProfile profile = PromptProfile.ARCHGW_V1;
    if (policies != null) {
      PolicySource source = PolicySource.load(policies);
      workspaceWrapping = source.document().promptWrapping();
      routes = source.policiesInProxyOrder().stream().map(RouteOption::of).toList();
      profile = source.document().profile();
    }
    PromptWrapping chosen = wrapping.resolve(workspaceWrapping);
    String message = ServerCheckProbe.userMessage(routes, profile);
    ExpectedRendering expected = expected(chosen, message, err);
    ServerRendering server;
    try {
      server = client().render(chosen.servedBy(), message);
    } catch (RoutingException e) {
      throw CliFailure.problems("cannot check " + url + ": " + e.getMessage());
    }
    RenderCheck check = RenderComparison.compare(chosen, expected, server, message);
    if (json) {
      out.println(toJson(check, expected, server));
    } else {
      out.println(url + " " + check.summary());
    }
    out.flush();
    return check.matches() ? 0 : 1;
  }

  private ExpectedRendering expected(PromptWrapping chosen, String message, PrintWriter err) {
    if (model == null) {
      return ArchRouterReference.expected(chosen, message)
          .orElseThrow(
              () ->
                  new CliFailure(
                      "a custom chat template is rendered by llama.cpp: add --model FILE.gguf", 2));
    }
    // Loaded as every model is: its first load (and a custom template's render) in a separate
    // process, so a hostile file ends that process, not this command.
    try (LlamaRouteSelector local =
        FirstLoadCheck.recordingIn(AppPaths.fromSystem().checkedModelsFile())
            .load(
                model,
                LlamaEngineSettings.defaults().withContextSize(512),
                chosen,
                w -> err.println("warning: " + w))) {
      return local.expectedRendering(message);
    }
  }

  private ServerRenderClient client() {
    try {
      return new ServerRenderClient(
          new OpenAiEndpointSettings(
              url,
              endpointModel,
              apiKeyEnv,
              OpenAiEndpointSettings.DEFAULT_CONNECT_TIMEOUT,
              Duration.ofSeconds(timeoutSeconds),
              1));
    } catch (IllegalArgumentException e) {
      throw new CliFailure(e.getMessage(), 2);
    }
  }

  private static String toJson(
      RenderCheck check, ExpectedRendering expected, ServerRendering server) throws IOException {
    var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode node = mapper.createObjectNode();
    node.put("served_by", check.servedBy());
    node.put("matches", check.matches());
    node.put("summary", check.summary());
    node.put("characters", check.characters());
    node.put("tokens_compared", check.tokensCompared());
    if (check.difference() == null) {
      node.putNull("difference");
    } else {
      ObjectNode difference = node.putObject("difference");
      difference.put("character", check.difference().character());
      difference.put("token", check.difference().token());
      difference.put("routebench", check.difference().routeBench());
      difference.put("server", check.difference().server());
    }
    check.alsoLike().forEach(node.putArray("server_renders_like")::add);
    node.put("routebench_text_from", check.basis());
    node.put("server_asked", check.asked());
    node.put("routebench_text", expected.text());
    node.put("server_text", server.text());
    return mapper.writeValueAsString(node);
  }
}
