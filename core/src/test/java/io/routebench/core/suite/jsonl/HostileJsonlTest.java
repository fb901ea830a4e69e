package io.routebench.core.suite.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.files.NotARegularFileException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suite files written to hurt the reader: bounded memory, a line number for every refusal. */
class HostileJsonlTest {

  private static final String GOOD =
      "{\"name\": \"fine\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\","
          + " \"expected_route\": \"other\"}]}";

  @TempDir Path dir;

  @Test
  void a_line_longer_than_the_limit_is_a_bad_line_and_the_next_lines_are_still_read()
      throws IOException {
    Path file = dir.resolve("long.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] block = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 17; i++) {
        out.write(block);
      }
      out.write(("\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
    }
    var good = new ArrayList<Integer>();
    var bad = new ArrayList<LineError>();

    SuiteJsonlReader.stream(
        file,
        new SuiteJsonlReader.CaseSink() {
          @Override
          public void good(int lineNumber, io.routebench.core.suite.TestCase testCase) {
            good.add(lineNumber);
          }

          @Override
          public void bad(LineError error) {
            bad.add(error);
          }
        });

    assertThat(good).containsExactly(1, 3);
    assertThat(bad)
        .containsExactly(
            new LineError(
                2,
                "the line is 17,825,792 bytes long; RouteBench reads test cases of up to"
                    + " 16,777,216 bytes (16 MiB) per line"));
  }

  @Test
  void a_device_behind_a_jsonl_name_is_refused_before_it_is_read() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("endless.jsonl"), Path.of("/dev/zero"));

    assertThatThrownBy(() -> SuiteJsonlReader.read(link))
        .isInstanceOf(NotARegularFileException.class)
        .hasMessageStartingWith(link + " is a character device, not a regular file");
  }
}
