package io.routebench.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteOrderTest {

  private static Action action(String name, String target) {
    return new Action(name, name, "about " + name, PolicySettings.targeting(target));
  }

  @Test
  void routes_are_grouped_by_target_in_target_order_and_undeclared_ones_come_last() {
    var document =
        new PolicyDocument(
            "order",
            PromptProfile.ARCHGW_V1,
            new Taxonomy(
                List.of(
                    new Domain(
                        "d1",
                        "work",
                        "",
                        null,
                        List.of(
                            action("a", "m/one"),
                            action("orphan", "m/undeclared"),
                            action("b", "m/two"),
                            action("c", "m/one"),
                            new Action(
                                "untargeted",
                                "untargeted",
                                "about it",
                                PolicySettings.targeting(null)),
                            action("d", "m/two"))))),
            List.of(ModelTarget.of("m/two", null, true), ModelTarget.of("m/one", null, false)),
            null,
            ProxyConfigExtras.NONE);

    assertThat(RouteOrder.routeNames(document))
        .containsExactly("b", "d", "a", "c", "orphan", "untargeted");
    assertThat(RouteOption.allOf(document))
        .extracting(RouteOption::name)
        .containsExactly("b", "d", "a", "c", "orphan", "untargeted");
  }
}
