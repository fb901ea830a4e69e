package io.routebench.app.cli;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.inference.prompt.OpenAiMessages;
import io.routebench.inference.prompt.RouterPromptBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "prompt",
    mixinStandardHelpOptions = true,
    description =
        "Prints exactly the router prompt the proxy sends for a conversation (the filled"
            + " template, nothing added).")
final class PromptCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PolicyFileOption config;

  @Option(
      names = "--conversation",
      required = true,
      paramLabel = "messages.json",
      description = "OpenAI-style array of {role, content}")
  Path conversation;

  @Mixin ProfileOption profile;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      description =
          "conversation budget in estimated tokens (default 2048 for archgw-v1, 8192 for plano-v1)")
  Integer maxTokens;

  @Override
  public Integer call() throws IOException {
    PolicySource source = config.load();
    List<RouteOption> routes = source.policiesInProxyOrder().stream().map(RouteOption::of).toList();
    List<Message> messages = readConversation(conversation);
    PromptProfile chosen = profile.orElse(source.document().profile());
    var request = new RouteRequest(routes, messages, chosen, maxTokens == null ? 0 : maxTokens);
    PrintWriter out = spec.commandLine().getOut();
    out.print(RouterPromptBuilder.build(request).text());
    out.flush();
    return 0;
  }

  static List<Message> readConversation(Path file) throws IOException {
    try {
      return OpenAiMessages.read(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw CliFailure.usage(file + ": no such file");
    } catch (IllegalArgumentException e) {
      throw CliFailure.problems(e.getMessage());
    }
  }
}
