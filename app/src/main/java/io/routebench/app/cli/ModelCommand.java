package io.routebench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.app.routing.ModelCard;
import io.routebench.app.settings.AppPaths;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.llama.FirstLoadCheck;
import io.routebench.inference.llama.LlamaEngineLoader;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    subcommands = ModelGetCommand.class,
    description =
        "Shows what a GGUF router model is, read from its header, and whether RouteBench can run"
            + " it; the first time, loads it in a separate process with time and memory limits, as"
            + " the workbench does, to check that llama.cpp loads it and renders its chat template."
            + " Exits 1 when it cannot run the model. `model get` downloads Arch-Router from"
            + " Hugging Face.")
final class ModelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  // Optional only so that `model get` parses; without it, a file is required (checked in call).
  @Parameters(paramLabel = "FILE.gguf", arity = "0..1", description = "the model file")
  Path file;

  @Mixin JsonOutputOption output;

  @Override
  public Integer call() throws IOException {
    if (file == null) {
      throw CliFailure.usage(
          "Missing FILE.gguf: `routebench model FILE.gguf` describes a model,"
              + " `routebench model get` downloads Arch-Router");
    }
    if (!Files.exists(file)) {
      throw CliFailure.usage("Model file not found: " + file);
    }
    GgufModelInfo info;
    try {
      info = LlamaEngineLoader.inspect(file);
    } catch (RoutingException notAModel) {
      // The file is there but is no model RouteBench can read: the check failed.
      throw CliFailure.problems(notAModel.getMessage());
    }
    Optional<String> templateProblem = Optional.empty();
    Optional<String> loadProblem = Optional.empty();
    if (LlamaEngineLoader.canRun(info.architecture())) {
      // The file is loaded (in a separate process, unless it passed before) exactly as the
      // workbench loads it: a template is only called fine once llama.cpp rendered it in bounds.
      try {
        FirstLoadCheck.Passed passed =
            FirstLoadCheck.recordingIn(AppPaths.fromSystem().checkedModelsFile())
                .check(file, LlamaEngineSettings.defaults());
        templateProblem =
            info.chatTemplate().isPresent()
                ? passed.warnings().stream().findFirst()
                : templateProblem;
      } catch (RoutingException e) {
        loadProblem = Optional.of(e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    var card = new ModelCard(file, info, templateProblem, loadProblem.isEmpty(), loadProblem);
    if (output.json) {
      out.println(toJson(card));
    } else {
      printTable(out, card);
    }
    templateProblem.ifPresent(
        problem -> spec.commandLine().getErr().println("warning: " + problem));
    card.problem()
        .ifPresent(problem -> spec.commandLine().getErr().println("routebench: " + problem));
    return card.problem().isEmpty() ? ExitStatus.OK.code() : ExitStatus.FAILED.code();
  }

  private static void printTable(PrintWriter out, ModelCard card) {
    for (ModelCard.Row row : card.rows()) {
      out.printf(Locale.ROOT, "%-14s %s%n", row.label(), row.value());
    }
  }

  private String toJson(ModelCard card) throws IOException {
    GgufModelInfo info = card.info();
    Optional<String> templateProblem = card.templateProblem();
    var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode node = mapper.createObjectNode();
    node.put("file", file.toString());
    node.put("name", info.name());
    node.put("architecture", info.architecture());
    node.put("supported", card.runnable());
    node.put("needs_server", card.needsServer());
    node.put("parameter_count", info.parameterCount());
    node.put("file_type", info.fileType());
    node.put("context_length", info.contextLength());
    node.put("block_count", info.blockCount());
    node.put("embedding_length", info.embeddingLength());
    node.put("chat_template", info.chatTemplate().isPresent());
    node.put(
        "chat_template_used",
        info.chatTemplate().isPresent()
            && templateProblem.isEmpty()
            && card.loadProblem().isEmpty()
            && card.runnable());
    templateProblem.ifPresent(problem -> node.put("chat_template_problem", problem));
    node.put("first_load", card.loadProblem().isPresent() ? "failed" : "passed");
    card.loadProblem().ifPresent(problem -> node.put("first_load_problem", problem));
    node.put("tokenizer_model", info.tokenizerModel());
    node.put("tokenizer_pre", info.tokenizerPre());
    node.put("vocabulary_size", info.vocabularySize());
    node.put("file_size", info.fileSize());
    node.put("gguf_version", info.ggufVersion());
    node.put("license", card.licence());
    return mapper.writeValueAsString(node);
  }
}
