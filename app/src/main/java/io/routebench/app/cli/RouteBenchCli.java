package io.routebench.app.cli;

import io.routebench.app.AppVersion;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The headless face of RouteBench: the same app, run with a subcommand. Exit codes follow Unix
 * habit: 0 success, 1 the input has problems (validation errors, failed or regressed tests), 2
 * usage errors. Messages go to stderr, results to stdout.
 */
@Command(
    name = "routebench",
    mixinStandardHelpOptions = true,
    versionProvider = RouteBenchCli.Version.class,
    description =
        "Design, test and export preference-aligned LLM routing policies for Arch-Router."
            + " Without arguments, opens the workbench.",
    subcommands = {
      ValidateCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      SuiteCommand.class,
      PromptCommand.class,
      ModelCommand.class,
      RouteCommand.class,
      CheckServerCommand.class,
      CollisionsCommand.class,
      TestCommand.class,
      ParityCommand.class,
      DoctorCommand.class
    })
public final class RouteBenchCli implements Callable<Integer> {

  @Spec private CommandSpec spec;

  /** Runs the command line on the process's stdout/stderr (UTF-8); never calls System.exit. */
  public static int run(String[] args) {
    return run(
        args, new PrintWriter(CliOutput.stdout(), true), new PrintWriter(CliOutput.stderr(), true));
  }

  /** As {@link #run(String[])}, writing to the given streams (tests capture them). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    var commandLine = new CommandLine(new RouteBenchCli());
    for (CliPlugin plugin : ServiceLoader.load(CliPlugin.class)) {
      commandLine.addSubcommand(plugin);
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          int code = exception instanceof CliFailure failure ? failure.exitCode() : 1;
          cmd.getErr().println("routebench: " + describe(exception));
          return code;
        });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Reached only with options but no subcommand: show what there is to run. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return CommandLine.ExitCode.USAGE;
  }

  private static String describe(Exception exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }

  /** {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "RouteBench " + AppVersion.current(),
        "llama.cpp b4916 via de.kherud:llama 4.2.0; Java "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
