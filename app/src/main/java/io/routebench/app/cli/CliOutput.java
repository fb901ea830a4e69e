package io.routebench.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 writers on the process's own stdout and stderr, whatever the platform encoding: prompts and
 * route names are compared byte for byte.
 */
final class CliOutput {

  private CliOutput() {}

  static Writer stdout() {
    return new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
  }

  static Writer stderr() {
    return new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8);
  }
}
