package io.routebench.app.cli;

import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.llama.PromptWrappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How the user's serving engine wraps the router prompt, as command-line options; each one set
 * replaces that part of the workspace's own (Proxy tab) wrapping.
 */
final class WrappingOptions {

  @Option(
      names = "--served-by",
      paramLabel = "ENGINE",
      converter = EngineConverter.class,
      description =
          "the server that runs the router in production, which decides the text the model"
              + " reads: ollama (the proxies' documented setup: no system turn), vllm or"
              + " llama-server (the model's Jinja template: Qwen's default system turn), or"
              + " llama-server-no-jinja (llama.cpp's built-in format: no system turn) (default:"
              + " the workspace's, else ollama)")
  ServingEngine servedBy;

  @Option(
      names = "--chat-template",
      paramLabel = "FILE",
      description =
          "a Jinja chat template the server renders in place of the model's (vllm"
              + " --chat-template, llama-server --jinja --chat-template-file); needs --served-by"
              + " vllm or llama-server")
  Path chatTemplate;

  @Option(
      names = "--system-message",
      paramLabel = "TEXT",
      description =
          "a system message the server adds (e.g. an Ollama Modelfile SYSTEM); \"\" for none")
  String systemMessage;

  /** The wrapping to use: {@code workspace}'s, with what the options set replaced. */
  PromptWrapping resolve(PromptWrapping workspace) {
    PromptWrapping wrapping = workspace;
    if (servedBy != null) {
      wrapping = wrapping.withServedBy(servedBy);
    }
    if (systemMessage != null) {
      wrapping = wrapping.withSystemMessage(systemMessage);
    }
    if (chatTemplate == null) {
      return wrapping;
    }
    if (!wrapping.servedBy().rendersJinja()) {
      throw new CliFailure(
          "--chat-template needs a server that renders Jinja templates: add --served-by vllm or"
              + " --served-by llama-server ("
              + wrapping.servedBy().id()
              + (wrapping.servedBy() == ServingEngine.OLLAMA
                  ? " uses Go templates)"
                  : " uses llama.cpp's built-in formats)"),
          2);
    }
    CustomChatTemplate template = readTemplate(chatTemplate);
    PromptWrappers.customTemplateRefusal(template.text())
        .ifPresent(
            why -> {
              throw CliFailure.problems(
                  chatTemplate + " cannot be used as a chat template: " + why);
            });
    return wrapping.withCustomTemplate(template);
  }

  private static CustomChatTemplate readTemplate(Path file) {
    try {
      if (Files.size(file) > 4L * CustomChatTemplate.MAX_CHARS) {
        throw CliFailure.problems(
            file + " is too large for a chat template (" + Files.size(file) + " bytes)");
      }
      return new CustomChatTemplate(file.getFileName().toString(), Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CliFailure(file + ": no such file", 1);
    } catch (IOException e) {
      throw new CliFailure(file + ": cannot read: " + e.getMessage(), 1);
    } catch (IllegalArgumentException e) {
      throw CliFailure.problems(e.getMessage());
    }
  }

  /** {@code --served-by}: the engine's id, with the ids listed when it is none of them. */
  static final class EngineConverter implements ITypeConverter<ServingEngine> {
    @Override
    public ServingEngine convert(String value) {
      try {
        return ServingEngine.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
