package io.routebench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.app.routing.DecisionWords;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RecordedWrapping;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.prompt.DecisionExplainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "route",
    mixinStandardHelpOptions = true,
    description =
        "Asks the router for one route and shows the target model and where the time went."
            + " Exits 1 when the proxy would fail the request (the router's answer names no"
            + " route), 3 when the router cannot be reached.")
final class RouteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PolicyFileOption policies;

  @Mixin EngineOptions engine;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ConversationInput input;

  static final class ConversationInput {
    @Option(
        names = "--conversation",
        paramLabel = "messages.json",
        description = "OpenAI-style array of {role, content}")
    Path file;

    @Parameters(paramLabel = "MESSAGE", description = "a single user message")
    String message;
  }

  @Mixin ProfileOption profile;

  @Mixin JsonOutputOption output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PolicySource source = policies.load();
    PolicyDocument document = source.document();
    PromptProfile chosen = profile.orElse(document.profile());
    List<Message> conversation =
        input.file != null
            ? PromptCommand.readConversation(input.file)
            : List.of(Message.user(input.message));
    List<RouteOption> routes = source.policiesInProxyOrder().stream().map(RouteOption::of).toList();
    DecisionDetails details;
    try (RouteSelector selector = engine.open(err, chosen, document.promptWrapping())) {
      var request =
          new RouteRequest(
              routes,
              conversation,
              chosen,
              0,
              document.defaultTarget().map(ModelTarget::model).orElse(""));
      var answer = selector.select(request, CancellationToken.none());
      details =
          DecisionExplainer.explain(request, RouteResolver.resolve(answer, document), selector);
    }
    if (output.json) {
      out.println(toJson(details));
    } else {
      printHuman(out, details);
    }
    out.flush();
    // The request this conversation stands for would fail at the proxy: a failed check.
    return details.decision().outcome().failsRequest()
        ? ExitStatus.FAILED.code()
        : ExitStatus.OK.code();
  }

  private static void printHuman(PrintWriter out, DecisionDetails details) {
    RouteDecision decision = details.decision();
    DecisionTiming t = decision.answer().timing();
    out.printf("route:    %s (%s)%n", decision.effectiveRoute(), DecisionWords.outcome(decision));
    out.printf(
        "target:   %s%n", decision.targetModel().map(m -> m.model()).orElse("(no default target)"));
    out.printf("proxy:    %s%n", DecisionWords.proxyAction(decision));
    out.printf("raw:      %s%n", decision.answer().rawOutput());
    DecisionWords.answerList(decision).ifPresent(list -> out.printf("listed:   %s%n", list));
    DecisionWords.planoModels(decision).ifPresent(models -> out.printf("models:   %s%n", models));
    if (decision.outcome().failsRequest()) {
      out.printf(
          "proxy:    HTTP 500 Failed to determine route: %s%n",
          decision.answer().reading().proxyError());
    }
    out.printf("profile:  %s%n", decision.answer().profile().id());
    details
        .wrappingIfKnown()
        .ifPresent(
            w ->
                out.printf(
                    "served:   %s (%s)%n",
                    w.summary(),
                    details.modelInputText().isPresent()
                        ? "the prompt wrapped here as that engine wraps it; --json shows the text"
                        : "the server wraps the prompt itself; check it with routebench"
                            + " check-server"));
    out.printf(
        "tokens:   prompt %d, reused %d, evaluated %d, generated %d%n",
        t.promptTokens(), t.reusedTokens(), t.evaluatedTokens(), t.generatedTokens());
    out.printf(
        "time:     prompt %d ms, decode %d ms, total %d ms%n",
        t.promptMillis(), t.decodeMillis(), t.totalMillis());
  }

  /**
   * The decision and its why: {@code prompt} is exactly what the proxy sends, {@code
   * templated_prompt} what the local model read (null for an endpoint, which applies its own
   * template), {@code served_by} the serving engine whose wrapping that is (for an endpoint: the
   * one it is said to be), {@code route_order} the order the prompt lists the routes in. {@code
   * route} is null when the proxy would fail the request: no route exists then, and {@code outcome}
   * says why.
   */
  private static String toJson(DecisionDetails details) throws IOException {
    RouteDecision decision = details.decision();
    var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode node = mapper.createObjectNode();
    node.put("route", decision.outcome().failsRequest() ? null : decision.effectiveRoute());
    node.put("outcome", decision.outcome().name().toLowerCase(java.util.Locale.ROOT));
    node.put("answered_route", decision.answer().routeName());
    node.put("proxy_error", decision.answer().reading().proxyError());
    node.put("target_model", decision.targetModel().map(m -> m.model()).orElse(null));
    node.put("raw_output", decision.answer().rawOutput());
    ArrayNode listed = node.putArray("listed_routes");
    decision.answer().reading().listedRoutes().forEach(listed::add);
    if (decision.answer().reading().isProxyDecision()) {
      ArrayNode models = node.putArray("plano_models");
      decision.answer().reading().rankedModels().forEach(models::add);
    }
    node.put("profile", decision.answer().profile().id());
    node.put("proxy_action", DecisionWords.proxyAction(decision));
    node.put("prompt", details.prompt());
    node.put("templated_prompt", details.modelInput());
    RecordedWrapping wrapping = details.wrapping();
    node.put("served_by", wrapping == null ? null : wrapping.servedBy().id());
    node.put(
        "custom_chat_template",
        wrapping == null || wrapping.customTemplate().isEmpty() ? null : wrapping.customTemplate());
    node.put(
        "system_message",
        wrapping == null || wrapping.systemMessage().isEmpty() ? null : wrapping.systemMessage());
    node.put("templated_by", details.modelInput() != null ? "routebench" : "server");
    ArrayNode routeOrder = node.putArray("route_order");
    details.routeOrder().forEach(routeOrder::add);
    DecisionTiming t = decision.answer().timing();
    ObjectNode timing = node.putObject("timing");
    timing.put("prompt_tokens", t.promptTokens());
    timing.put("reused_tokens", t.reusedTokens());
    timing.put("evaluated_tokens", t.evaluatedTokens());
    timing.put("generated_tokens", t.generatedTokens());
    timing.put("prompt_ms", t.promptMillis());
    timing.put("decode_ms", t.decodeMillis());
    timing.put("total_ms", t.totalMillis());
    return mapper.writeValueAsString(node);
  }
}
