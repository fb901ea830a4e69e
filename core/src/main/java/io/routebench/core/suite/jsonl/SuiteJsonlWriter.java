package io.routebench.core.suite.jsonl;

import static io.routebench.core.suite.jsonl.SuiteJson.CONTENT;
import static io.routebench.core.suite.jsonl.SuiteJson.EXPECTED_ROUTE;
import static io.routebench.core.suite.jsonl.SuiteJson.MESSAGES;
import static io.routebench.core.suite.jsonl.SuiteJson.NAME;
import static io.routebench.core.suite.jsonl.SuiteJson.NOTES;
import static io.routebench.core.suite.jsonl.SuiteJson.ROLE;
import static io.routebench.core.suite.jsonl.SuiteJson.TAGS;

import com.fasterxml.jackson.core.JsonGenerator;
import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the test suite exchange format: one compact JSON object per line, keys in the order name,
 * tags, notes, messages (empty tags and notes left out), so exports diff cleanly. Case ids are not
 * written: they belong to a workspace, and an import gives every case a fresh one.
 */
public final class SuiteJsonlWriter {

  private SuiteJsonlWriter() {}

  /** Writes {@code cases} to {@code out}, flushing but not closing it. */
  public static void write(List<TestCase> cases, Writer out) throws IOException {
    try (JsonGenerator json = SuiteJson.FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setRootValueSeparator(null);
      for (TestCase testCase : cases) {
        writeCase(testCase, json);
        json.writeRaw('\n');
      }
    }
    out.flush();
  }

  private static void writeCase(TestCase testCase, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField(NAME, testCase.name());
    if (!testCase.tags().isEmpty()) {
      json.writeArrayFieldStart(TAGS);
      for (String tag : testCase.tags()) {
        json.writeString(tag);
      }
      json.writeEndArray();
    }
    if (!testCase.notes().isEmpty()) {
      json.writeStringField(NOTES, testCase.notes());
    }
    json.writeArrayFieldStart(MESSAGES);
    for (CaseMessage message : testCase.messages()) {
      json.writeStartObject();
      json.writeStringField(ROLE, message.role().wireName());
      json.writeStringField(CONTENT, message.content());
      // A user message without an expectation is written without one; re-importing flags it.
      if (message.role() == Role.USER && message.expectedRoute() != null) {
        json.writeStringField(EXPECTED_ROUTE, message.expectedRoute());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
