package io.routebench.core.doctor;

import io.routebench.core.routing.RouteOrder;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The collision check as a suite: each policy's own description is a one-turn case that expects
 * that policy, so a description the router gives to another route is a failed turn, and the doctor
 * treats it like any other. The cases are made from the policies being verified, so an edited
 * description is probed as edited; a case keeps its id (the route name) across edits.
 */
public final class CollisionProbes {

  /** The suite id of the probes, which belong to no stored suite. */
  public static final String SUITE_ID = "collision-check";

  private CollisionProbes() {}

  public static TestSuite suite(PolicyDocument document) {
    var cases = new ArrayList<TestCase>();
    for (RoutingPolicy policy : RouteOrder.of(document)) {
      if (policy.description() != null && !policy.description().isBlank()) {
        cases.add(
            new TestCase(
                "probe:" + policy.routeName(),
                "description of " + policy.routeName(),
                List.of(),
                "",
                List.of(CaseMessage.user(policy.description(), policy.routeName()))));
      }
    }
    return new TestSuite(SUITE_ID, "collision check", "", cases);
  }
}
