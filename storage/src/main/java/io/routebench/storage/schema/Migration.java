package io.routebench.storage.schema;

import java.util.Objects;

/**
 * One forward step of the workspace schema, from {@code fromVersion} to {@code fromVersion + 1}.
 * Steps are never edited once released: a file written by an earlier RouteBench is upgraded by
 * running exactly the steps it has not seen.
 *
 * @param script SQL statements separated by semicolons, run in the step's transaction
 */
public record Migration(int fromVersion, String description, String script) {

  public Migration {
    if (fromVersion < 0) {
      throw new IllegalArgumentException("schema versions start at 0");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(script, "script");
  }

  public int toVersion() {
    return fromVersion + 1;
  }
}
