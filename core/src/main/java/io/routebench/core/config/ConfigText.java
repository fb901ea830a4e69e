package io.routebench.core.config;

import io.routebench.core.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a config or policy file, read with the limits that keep a hostile file from hanging
 * the YAML parser: the size is checked on the file's bytes before anything is read or parsed, and
 * every line is checked against {@link #MAX_LINE_CHARS}.
 *
 * <p>Why a line limit: SnakeYAML reads through a 1 KiB window that it copies each time it grows,
 * and a token it cannot split (a run of text without a line break inside a block scalar, a comment
 * or a plain word) grows that window to the whole token, so one long line costs time quadratic in
 * its length (a 16 MB scalar took 83 s). With lines bounded, the cost is at most linear in the file
 * size times {@link #MAX_LINE_CHARS}. A proxy config's longest line is a description of a few
 * hundred characters.
 */
public final class ConfigText {

  /** The largest config file read, the same as SnakeYAML's default document limit (3 MiB). */
  public static final int MAX_BYTES = 3 * 1024 * 1024;

  /** The longest line read (characters); see the class comment for why there is one. */
  public static final int MAX_LINE_CHARS = 100_000;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private ConfigText() {}

  /**
   * @throws ConfigFormatException when the file is larger than {@link #MAX_BYTES}, is not UTF-8
   *     (naming the line and column of the first bad byte) or has a line longer than {@link
   *     #MAX_LINE_CHARS}
   * @throws IOException when it cannot be read (e.g. {@link java.nio.file.NoSuchFileException}), or
   *     is not a regular file ({@link io.routebench.core.files.NotARegularFileException}: a pipe or
   *     a device would block or never end)
   */
  public static String read(Path file) throws IOException {
    String name = file.getFileName().toString();
    RegularFiles.require(file);
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw tooLarge(name, size);
    }
    // Bounded again while reading: the file may have grown since its size was looked at.
    byte[] bytes = RegularFiles.readUpTo(file, MAX_BYTES);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(name, bytes.length);
    }
    return decode(name, bytes);
  }

  /**
   * Strict UTF-8: a malformed or unmappable byte is an error naming where it is, never a
   * replacement character that would silently change a name or a description.
   */
  static String decode(String sourceName, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(sourceName, bytes.length);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      throw notUtf8(sourceName, out, bytes[in.position()] & 0xff);
    }
    out.flip();
    String text = out.toString();
    checkLines(sourceName, text);
    return text;
  }

  /** Applied to text from anywhere (a file, a paste), before the YAML parser sees it. */
  static void checkLines(String sourceName, String text) {
    if (text.length() > MAX_BYTES) {
      throw problem(
          sourceName,
          0,
          0,
          String.format(
              Locale.ROOT,
              "the text is %,d characters long; RouteBench reads config files up to %,d",
              text.length(),
              MAX_BYTES));
    }
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i > 0 && i < text.length() && text.charAt(i) == BYTE_ORDER_MARK) {
        throw strayByteOrderMark(sourceName, line, text.codePointCount(start, i) + 1);
      }
      if (i == text.length() || text.charAt(i) == '\n') {
        int length = i - start;
        if (length > MAX_LINE_CHARS) {
          throw problem(
              sourceName,
              line,
              0,
              String.format(
                  Locale.ROOT,
                  "line %d is %,d characters long; RouteBench reads lines up to %,d characters"
                      + " (longer ones make YAML parsing slow): break the text into lines,"
                      + " e.g. with a folded block (>)",
                  line,
                  length,
                  MAX_LINE_CHARS));
        }
        line++;
        start = i + 1;
      }
    }
  }

  /** A problem at {@code line} and {@code column} (0 where none applies); no key path. */
  private static ConfigFormatException problem(
      String sourceName, int line, int column, String message) {
    return new ConfigFormatException(
        sourceName, new ConfigFormatException.Problem(line, column, "", message));
  }

  /**
   * One byte-order mark may start a file (the parser drops it); any other is an invisible character
   * that would become part of a key or a value: a second mark at the start turned {@code version}
   * into a different key, and an export then wrote both.
   */
  private static ConfigFormatException strayByteOrderMark(String sourceName, int line, int column) {
    return problem(
        sourceName,
        line,
        column,
        "an invisible byte-order mark (U+FEFF) is here; it would become part of the key or"
            + " value it touches. Delete it (a file may start with one, never more)");
  }

  private static ConfigFormatException tooLarge(String sourceName, long bytes) {
    return problem(
        sourceName,
        0,
        0,
        String.format(
            Locale.ROOT,
            "the file is %,d bytes; RouteBench reads config files up to %,d bytes (3 MiB)",
            bytes,
            MAX_BYTES));
  }

  private static ConfigFormatException notUtf8(String sourceName, CharBuffer decoded, int badByte) {
    String before = decoded.toString();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = before.codePointCount(lineStart, before.length()) + 1;
    return problem(
        sourceName,
        line,
        column,
        String.format(
            Locale.ROOT,
            "not UTF-8 text: byte 0x%02x cannot start or continue a UTF-8 character; save the"
                + " file as UTF-8",
            badByte));
  }
}
