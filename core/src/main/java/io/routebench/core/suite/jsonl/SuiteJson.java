package io.routebench.core.suite.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;

/** The JSON factory and key names the suite reader and writer share (built once: it is costly). */
final class SuiteJson {

  static final String NAME = "name";
  static final String TAGS = "tags";
  static final String NOTES = "notes";
  static final String MESSAGES = "messages";
  static final String ROLE = "role";
  static final String CONTENT = "content";
  static final String EXPECTED_ROUTE = "expected_route";

  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private SuiteJson() {}
}
