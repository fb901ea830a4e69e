package io.routebench.core.suite.jsonl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.routebench.core.files.RegularFiles;
import io.routebench.core.suite.TestCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the test suite exchange format: one test case per line as a JSON object (see {@code
 * docs/formats.md}). Every bad line is reported with its number and what is wrong with it; the good
 * lines still yield their cases, each with a fresh id.
 */
public final class SuiteJsonlReader {

  private static final char BYTE_ORDER_MARK = '\uFEFF';
  // Jackson describes where an object started as "[Source: ...; line: 1, column: 7]".
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?line: \\d+, column: (\\d+)]");
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

  private SuiteJsonlReader() {}

  /**
   * The longest line read: far beyond any real conversation (a case with a pasted log of a few
   * hundred kilobytes), small enough that one line cannot exhaust memory.
   */
  public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  /** Receives a suite file's lines as they are read, in file order. */
  public interface CaseSink {
    /** A good line's case (with a fresh id). */
    void good(int lineNumber, TestCase testCase);

    /** A problem of a bad line (a line may have several). */
    void bad(LineError error);
  }

  /**
   * Reads a UTF-8 file; a line that is not valid UTF-8 is reported like any other bad line.
   *
   * @throws IOException when the file cannot be read at all, or is not a regular file ({@link
   *     io.routebench.core.files.NotARegularFileException})
   */
  public static SuiteJsonlResult read(Path file) throws IOException {
    var collector = new Collector();
    stream(file, collector);
    return collector.result();
  }

  /**
   * Reads a UTF-8 file line by line, handing each case or problem to {@code sink} as it is read and
   * keeping none of them: memory stays the same whatever the size of the file. A line longer than
   * {@link #MAX_LINE_BYTES} is a bad line, skipped without being kept.
   *
   * @throws IOException when the file cannot be read at all, or is not a regular file ({@link
   *     io.routebench.core.files.NotARegularFileException}: a pipe would block, a device never end)
   */
  public static void stream(Path file, CaseSink sink) throws IOException {
    var lines = new LineParser(sink);
    try (InputStream in = RegularFiles.open(file)) {
      new Utf8Lines(MAX_LINE_BYTES)
          .read(
              in,
              new Utf8Lines.LineHandler() {
                @Override
                public void line(int lineNumber, String text) {
                  lines.line(lineNumber, text);
                }

                @Override
                public void undecodable(int lineNumber, int byteColumn) {
                  sink.bad(new LineError(lineNumber, "not valid UTF-8 at byte " + byteColumn));
                }

                @Override
                public void tooLong(int lineNumber, long bytes) {
                  sink.bad(
                      new LineError(
                          lineNumber,
                          String.format(
                              Locale.ROOT,
                              "the line is %,d bytes long; RouteBench reads test cases of up to"
                                  + " %,d bytes (16 MiB) per line",
                              bytes,
                              MAX_LINE_BYTES)));
                }
              });
    }
  }

  /**
   * Reads already decoded text.
   *
   * @param sourceName names the input in the message of an {@link IOException}
   */
  public static SuiteJsonlResult read(Reader reader, String sourceName) throws IOException {
    var collector = new Collector();
    var parser = new LineParser(collector);
    var lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    int lineNumber = 0;
    try {
      String text;
      while ((text = lines.readLine()) != null) {
        parser.line(++lineNumber, text);
      }
    } catch (IOException e) {
      throw new IOException(
          sourceName + ": reading failed after line " + lineNumber + ": " + e.getMessage(), e);
    }
    return collector.result();
  }

  /** Keeps every case and problem, in file order. */
  private static final class Collector implements CaseSink {
    private final List<TestCase> cases = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();
    private final List<Integer> caseLines = new ArrayList<>();

    @Override
    public void good(int lineNumber, TestCase testCase) {
      cases.add(testCase);
      caseLines.add(lineNumber);
    }

    @Override
    public void bad(LineError error) {
      errors.add(error);
    }

    SuiteJsonlResult result() {
      return new SuiteJsonlResult(cases, errors, caseLines);
    }
  }

  /** Turns lines into cases or errors for a sink. */
  private static final class LineParser {
    private final CaseSink sink;

    LineParser(CaseSink sink) {
      this.sink = sink;
    }

    void line(int lineNumber, String text) {
      if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        return;
      }
      var problems = new ArrayList<String>();
      TestCase testCase;
      try {
        testCase = parse(text, problems);
      } catch (JsonProcessingException e) {
        error(lineNumber, invalidJson(e));
        return;
      } catch (IOException e) {
        // Parsing a String performs no I/O; anything else is a malformed line all the same.
        error(lineNumber, "invalid JSON: " + e.getMessage());
        return;
      }
      if (problems.isEmpty()) {
        sink.good(lineNumber, testCase);
      } else {
        problems.forEach(problem -> error(lineNumber, problem));
      }
    }

    private void error(int lineNumber, String message) {
      sink.bad(new LineError(lineNumber, message));
    }

    /** The line's case, or {@code null} with {@code problems} saying why. */
    private static TestCase parse(String text, List<String> problems) throws IOException {
      try (JsonParser parser = SuiteJson.FACTORY.createParser(text)) {
        TestCase testCase = TestCaseJson.read(parser, problems);
        if (parser.nextToken() != null) {
          throw new TrailingContentException(parser);
        }
        return testCase;
      }
    }

    private static String invalidJson(JsonProcessingException e) {
      if (e instanceof TrailingContentException) {
        return "unexpected content after the test case object at column " + column(e);
      }
      String reason = e.getOriginalMessage();
      Matcher duplicate = DUPLICATE_KEY.matcher(reason);
      reason =
          duplicate.matches()
              ? "key \"" + duplicate.group(1) + "\" appears twice"
              : SOURCE_LOCATION.matcher(reason).replaceAll("column $1");
      return "invalid JSON at column " + column(e) + ": " + reason;
    }

    private static String column(JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      return location == null ? "?" : String.valueOf(location.getColumnNr());
    }
  }

  /** A line that holds more than one JSON value. */
  private static final class TrailingContentException extends JsonProcessingException {
    TrailingContentException(JsonParser parser) {
      super("trailing content", parser.currentTokenLocation());
    }
  }
}
