package io.routebench.app.cli;

import io.routebench.core.config.ConfigFormatException;
import io.routebench.core.conversation.Message;
import io.routebench.core.files.NotARegularFileException;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.validation.ValidationReport;
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
      names = "--allow-problems",
      description =
          "print the prompt even when validation finds errors (listed on stderr), e.g. to see"
              + " how the proxy escapes a route name RouteBench refuses; literal secrets are"
              + " refused regardless.")
  boolean allowProblems;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      description =
          "conversation budget in estimated tokens (default 2048 for archgw-v1, 8192 for plano-v1)")
  Integer maxTokens;

  /**
   * Validates first, as every other command does: a config the proxy would reject has no prompt to
   * show, and a literal secret in a description or route name must not be printed.
   */
  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String name = config.file.getFileName().toString();
    PolicySource source;
    try {
      source = config.load();
    } catch (ConfigFormatException e) {
      err.println(e.getMessage());
      throw CliFailure.problems(name + " cannot be read (listed above); no prompt printed");
    }
    ValidationReport report = source.validatePrinting(err, name);
    long secrets = PolicySource.literalSecrets(report);
    if (secrets > 0) {
      throw CliFailure.problems(
          name
              + " holds "
              + secrets
              + " literal secret(s) (listed above); no prompt printed, since it would show them."
              + " Replace each with an environment reference such as $OPENAI_API_KEY");
    }
    if (report.hasErrors() && !allowProblems) {
      throw CliFailure.problems(
          name
              + " has "
              + report.errors().size()
              + " error(s) (listed above); no prompt printed. Fix them first (the proxy would"
              + " refuse this config), or pass --allow-problems to see the prompt anyway");
    }
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
    } catch (NotARegularFileException | IllegalArgumentException e) {
      throw CliFailure.problems(e.getMessage());
    }
  }
}
