package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script and man pages the packages install, written from the command model. */
class CliDocsTest {

  @TempDir Path out;

  @Test
  void every_visible_command_gets_a_man_page_with_its_options_and_the_exit_codes()
      throws Exception {
    CliDocs.write(out);

    Path validate = out.resolve("man1/routebench-validate.1");
    assertThat(out.resolve("man1/routebench.1")).exists();
    assertThat(out.resolve("man1/routebench-suite-export.1")).exists();
    assertThat(out.resolve("man1/routebench-generate-completion.1")).doesNotExist();
    assertThat(Files.readString(validate))
        .startsWith(".\\\" Generated from the command model")
        .contains(".TH \"ROUTEBENCH-VALIDATE\" \"1\"")
        .contains("\\fB\\-\\-format\\fR \\fIFORMAT\\fR")
        .contains(".SH EXIT STATUS\n.TP\n\\fB0\\fR")
        .contains("\\fB3\\fR\ncould not run")
        .contains("\\fBHF_HUB_OFFLINE\\fR");
    try (var pages = Files.list(out.resolve("man1"))) {
      assertThat(pages.count()).isEqualTo(CliDocs.documented(RouteBenchCli.commandLine()).size());
    }
  }

  @Test
  void bash_completes_commands_and_options_from_the_script() throws Exception {
    CliDocs.write(out);
    Path script = out.resolve("bash-completion/routebench");

    assertThat(complete(script, "routebench val")).isEqualTo("validate");
    assertThat(complete(script, "routebench validate --for")).isEqualTo("--format");
    assertThat(complete(script, "routebench test --fail")).isEqualTo("--fail-under");
    assertThat(Files.readString(out.resolve("zsh/_routebench")))
        .startsWith("#compdef routebench\n");
  }

  /** What bash offers for the last word of {@code line}, as the shell would ask for it. */
  private static String complete(Path script, String line) throws Exception {
    String words = String.join(" ", line.split(" "));
    Process bash =
        new ProcessBuilder(
                "bash",
                "-c",
                "source \"$1\" 2>/dev/null; COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE};"
                    + " COMP_WORDS=($2); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                    + " _complete_routebench 2>/dev/null; echo \"${COMPREPLY[*]}\"",
                "complete",
                script.toString(),
                words)
            .redirectErrorStream(true)
            .start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(output).isZero();
    List<String> lines = output.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
  }
}
