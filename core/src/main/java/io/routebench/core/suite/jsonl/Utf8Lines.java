package io.routebench.core.suite.jsonl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes each as UTF-8 on its own, so that one line with bad
 * bytes is reported precisely (line and byte) instead of failing the whole file. Memory is bounded
 * by the longest line allowed, whatever the size of the stream: a longer line is reported and
 * skipped without being kept.
 */
final class Utf8Lines {

  /** Receives each line, without its terminator ({@code \n} or {@code \r\n}). */
  interface LineHandler {
    void line(int lineNumber, String text);

    void undecodable(int lineNumber, int byteColumn);

    /** A line longer than the limit: its bytes were skipped, not kept. */
    void tooLong(int lineNumber, long bytes);
  }

  private final int maxLineBytes;
  private long skippedBytes = -1;

  /**
   * @param maxLineBytes the longest line kept; longer ones are reported to {@link
   *     LineHandler#tooLong}
   */
  Utf8Lines(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[8192];
  private int length;
  private int lineNumber;

  void read(InputStream in, LineHandler handler) throws IOException {
    byte[] chunk = new byte[1 << 16];
    int read;
    while ((read = in.read(chunk)) != -1) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (chunk[i] == '\n') {
          append(chunk, start, i - start);
          emit(handler);
          start = i + 1;
        }
      }
      append(chunk, start, read - start);
    }
    if (length > 0 || skippedBytes >= 0) {
      emit(handler);
    }
  }

  private void append(byte[] bytes, int offset, int count) {
    if (skippedBytes >= 0) {
      skippedBytes += count;
      return;
    }
    if ((long) length + count > maxLineBytes) {
      skippedBytes = (long) length + count;
      length = 0;
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + count)));
    }
    System.arraycopy(bytes, offset, line, length, count);
    length += count;
  }

  private void emit(LineHandler handler) {
    lineNumber++;
    if (skippedBytes >= 0) {
      handler.tooLong(lineNumber, skippedBytes);
      skippedBytes = -1;
      return;
    }
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    length = 0;
    ByteBuffer in = ByteBuffer.wrap(line, 0, end);
    CharBuffer out = CharBuffer.allocate(end);
    decoder.reset();
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      handler.undecodable(lineNumber, in.position() + 1);
      return;
    }
    handler.line(lineNumber, out.flip().toString());
  }
}
