package io.routebench.core.suite.jsonl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.routebench.core.suite.TestCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
   * Reads a UTF-8 file; a line that is not valid UTF-8 is reported like any other bad line.
   *
   * @throws IOException when the file cannot be read at all
   */
  public static SuiteJsonlResult read(Path file) throws IOException {
    var collector = new Collector();
    try (InputStream in = Files.newInputStream(file)) {
      new Utf8Lines()
          .read(
              in,
              new Utf8Lines.LineHandler() {
                @Override
                public void line(int lineNumber, String text) {
                  collector.line(lineNumber, text);
                }

                @Override
                public void undecodable(int lineNumber, int byteColumn) {
                  collector.error(lineNumber, "not valid UTF-8 at byte " + byteColumn);
                }
              });
    }
    return collector.result();
  }

  /**
   * Reads already decoded text.
   *
   * @param sourceName names the input in the message of an {@link IOException}
   */
  public static SuiteJsonlResult read(Reader reader, String sourceName) throws IOException {
    var collector = new Collector();
    var lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    int lineNumber = 0;
    try {
      String text;
      while ((text = lines.readLine()) != null) {
        collector.line(++lineNumber, text);
      }
    } catch (IOException e) {
      throw new IOException(
          sourceName + ": reading failed after line " + lineNumber + ": " + e.getMessage(), e);
    }
    return collector.result();
  }

  /** Turns lines into cases or errors, keeping file order. */
  private static final class Collector {
    private final List<TestCase> cases = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();
    private final List<Integer> caseLines = new ArrayList<>();

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
        cases.add(testCase);
        caseLines.add(lineNumber);
      } else {
        problems.forEach(problem -> error(lineNumber, problem));
      }
    }

    void error(int lineNumber, String message) {
      errors.add(new LineError(lineNumber, message));
    }

    SuiteJsonlResult result() {
      return new SuiteJsonlResult(cases, errors, caseLines);
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
