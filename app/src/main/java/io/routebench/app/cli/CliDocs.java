package io.routebench.app.cli;

import io.routebench.app.AppVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes shell completion and man pages from the command model at build time (the app module's
 * {@code package} phase runs it), so they can never describe options the command does not have. The
 * installers ship them: {@code bash-completion/routebench}, {@code zsh/_routebench} and one {@code
 * man1} page per command.
 *
 * <p>picocli writes the bash script ({@link AutoComplete}); its {@code ManPageGenerator} writes
 * AsciiDoc, which would need Asciidoctor (JRuby) at build time to become a man page, so the roff is
 * written here from the same model, with picocli's own synopsis.
 */
public final class CliDocs {

  private CliDocs() {}

  /** {@code CliDocs OUTPUT_DIR}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CliDocs OUTPUT_DIR");
    }
    write(Path.of(args[0]));
  }

  static void write(Path output) throws IOException {
    CommandLine root = RouteBenchCli.commandLine();
    Path bash = output.resolve("bash-completion").resolve("routebench");
    Files.createDirectories(bash.getParent());
    Files.writeString(bash, AutoComplete.bash("routebench", root), StandardCharsets.UTF_8);
    Path zsh = output.resolve("zsh").resolve("_routebench");
    Files.createDirectories(zsh.getParent());
    Files.writeString(zsh, zshWrapper(AutoComplete.bash("routebench", root)));
    Path man = output.resolve("man1");
    Files.createDirectories(man);
    for (CommandLine command : documented(root)) {
      Files.writeString(
          man.resolve(pageName(command.getCommandSpec()) + ".1"),
          manPage(command.getCommandSpec(), documented(root)),
          StandardCharsets.UTF_8);
    }
  }

  /**
   * zsh loads {@code _routebench} from its {@code fpath} as a completion function; picocli's script
   * runs in zsh through {@code bashcompinit}, so the function sets that up and defines it.
   */
  private static String zshWrapper(String bashScript) {
    return "#compdef routebench\n"
        + "# RouteBench completion for zsh: picocli's bash completion through bashcompinit.\n"
        + "autoload -U +X compinit && compinit\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bashScript;
  }

  /** Every command a user can run, the root first; hidden ones are left out. */
  static List<CommandLine> documented(CommandLine root) {
    var commands = new ArrayList<CommandLine>();
    collect(root, commands);
    return commands;
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    if (command.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    into.add(command);
    command.getSubcommands().values().forEach(sub -> collect(sub, into));
  }

  /** {@code routebench}, {@code routebench-suite-export}. */
  static String pageName(CommandSpec spec) {
    return spec.qualifiedName("-");
  }

  static String manPage(CommandSpec spec, List<CommandLine> all) {
    var page = new StringBuilder();
    String version = "RouteBench " + AppVersion.current();
    page.append(".\\\" Generated from the command model by ")
        .append(CliDocs.class.getName())
        .append("; do not edit.\n");
    page.append(".TH \"")
        .append(pageName(spec).toUpperCase(Locale.ROOT))
        .append("\" \"1\" \"\" \"")
        .append(escape(version))
        .append("\" \"RouteBench Manual\"\n");
    String description = String.join(" ", spec.usageMessage().description());
    page.append(".SH NAME\n")
        .append(escape(pageName(spec)))
        .append(" \\- ")
        .append(escape(firstSentence(description)))
        .append('\n');
    var help =
        new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    page.append(".SH SYNOPSIS\n.nf\n").append(escape(help.synopsis(0).strip())).append("\n.fi\n");
    page.append(".SH DESCRIPTION\n").append(escape(description)).append('\n');
    List<PositionalParamSpec> parameters =
        spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (!parameters.isEmpty()) {
      page.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec parameter : parameters) {
        page.append(".TP\n\\fI")
            .append(escape(parameter.paramLabel()))
            .append("\\fR\n")
            .append(escape(String.join(" ", parameter.renderedDescription())))
            .append('\n');
      }
    }
    List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
    if (!options.isEmpty()) {
      page.append(".SH OPTIONS\n");
      for (OptionSpec option : options) {
        page.append(".TP\n\\fB").append(escape(String.join(", ", option.names()))).append("\\fR");
        if (option.arity().max() > 0) {
          page.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
        }
        page.append('\n')
            .append(escape(String.join(" ", option.renderedDescription())))
            .append('\n');
      }
    }
    var subcommands =
        spec.subcommands().values().stream()
            .filter(sub -> !sub.getCommandSpec().usageMessage().hidden())
            .toList();
    if (!subcommands.isEmpty()) {
      page.append(".SH COMMANDS\n");
      for (CommandLine sub : subcommands) {
        CommandSpec subSpec = sub.getCommandSpec();
        page.append(".TP\n\\fB")
            .append(escape(subSpec.name()))
            .append("\\fR\n")
            .append(escape(firstSentence(String.join(" ", subSpec.usageMessage().description()))))
            .append(" See \\fB")
            .append(escape(pageName(subSpec)))
            .append("\\fR(1).\n");
      }
    }
    page.append(".SH EXIT STATUS\n");
    for (Map.Entry<String, String> code : spec.usageMessage().exitCodeList().entrySet()) {
      page.append(".TP\n\\fB")
          .append(escape(code.getKey().strip()))
          .append("\\fR\n")
          .append(escape(code.getValue()))
          .append('\n');
    }
    page.append(".SH ENVIRONMENT\n");
    for (String[] variable : ENVIRONMENT) {
      page.append(".TP\n\\fB")
          .append(variable[0])
          .append("\\fR\n")
          .append(escape(variable[1]))
          .append('\n');
    }
    page.append(".SH SEE ALSO\n");
    var others = new ArrayList<String>();
    for (CommandLine other : all) {
      String name = pageName(other.getCommandSpec());
      if (!name.equals(pageName(spec))) {
        others.add("\\fB" + escape(name) + "\\fR(1)");
      }
    }
    page.append(String.join(", ", others)).append('\n');
    return page.toString();
  }

  /** The settings every command reads from the environment (see the README's settings table). */
  private static final String[][] ENVIRONMENT = {
    {"ROUTEBENCH_HOME", "Where RouteBench keeps its data (default ~/.local/share/routebench)."},
    {"ROUTEBENCH_MODEL_DIR", "Where model get puts models (default: models in the data home)."},
    {"ROUTEBENCH_WORKSPACE_DIR", "Where new workspaces are created."},
    {"ROUTEBENCH_LOG_DIR", "Where the workbench writes its log."},
    {"ROUTEBENCH_SETTINGS_FILE", "The workbench's settings document."},
    {"HF_ENDPOINT", "A mirror of the Hugging Face hub for model get."},
    {"HF_TOKEN", "A Hugging Face token, sent to the hub only."},
    {"HF_HUB_OFFLINE", "1: never contact the hub; use models verified before."},
    {"HTTPS_PROXY, NO_PROXY", "The proxy for downloads and remote routers."},
    {"JAVA_TOOL_OPTIONS", "Further options for the Java runtime."}
  };

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text.replaceAll("\\.$", "") : text.substring(0, end);
  }

  /** roff: backslashes doubled, hyphens as minus signs, no line starting with a control dot. */
  static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    var lines = new StringBuilder();
    for (String line : escaped.split("\n", -1)) {
      if (!lines.isEmpty()) {
        lines.append('\n');
      }
      lines.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
    }
    return lines.toString();
  }
}
