package io.routebench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyChangesTest {

  private static final RouteOption CODE = new RouteOption("code", "Writing code.");
  private static final RouteOption BUG = new RouteOption("bug", "Fixing a bug.");

  @Test
  void names_added_removed_and_reworded_routes_a_new_order_and_a_new_profile() {
    var before = new RouterView(PromptProfile.ARCHGW_V1, List.of(CODE, BUG));
    var after =
        new RouterView(
            PromptProfile.PLANO_V1,
            List.of(
                new RouteOption("bug", "Finding and fixing a bug."),
                new RouteOption("mail", "Email.")));

    assertThat(PolicyChanges.between(before, after))
        .containsExactly(
            "profile archgw-v1 → plano-v1",
            "added mail",
            "removed code",
            "description of bug changed");
    assertThat(
            PolicyChanges.between(
                new RouterView(PromptProfile.ARCHGW_V1, List.of(CODE, BUG)),
                new RouterView(PromptProfile.ARCHGW_V1, List.of(BUG, CODE))))
        .containsExactly("route order changed");
    assertThat(PolicyChanges.between(before, before)).isEmpty();
  }
}
