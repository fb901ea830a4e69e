package io.routebench.core.suite;

import java.util.List;
import java.util.Objects;

/** Named test cases bound to a workspace. */
public record TestSuite(String id, String name, String description, List<TestCase> cases) {

  public TestSuite {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    cases = List.copyOf(cases);
  }
}
