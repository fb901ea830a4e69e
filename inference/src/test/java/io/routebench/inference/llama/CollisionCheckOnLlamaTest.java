package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.collision.CollisionCheck;
import io.routebench.core.collision.CollisionReport;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collision check through the real binding. The tiny model's weights are random, so which route
 * it picks is arbitrary; the mechanics are what is checked: one decision per described policy,
 * every answer in the matrix, progress for each.
 */
class CollisionCheckOnLlamaTest {

  @TempDir Path models;

  @Test
  void every_described_policy_is_probed_once_and_lands_in_one_matrix_cell() {
    var document =
        new PolicyDocument(
            "collisions",
            PromptProfile.ARCHGW_V1,
            new Taxonomy(
                List.of(
                    new Domain(
                        "d1",
                        "coding",
                        "",
                        null,
                        List.of(
                            action("code generation", "Writing new code.", "m/a"),
                            action("bug fixing", "Fixing code that fails.", "m/b"),
                            action("chat", "Greetings and small talk.", "m/a"))))),
            List.of(ModelTarget.of("m/a", null, true), ModelTarget.of("m/b", null, false)),
            null,
            ProxyConfigExtras.NONE);
    var done = new ArrayList<Integer>();

    CollisionReport report;
    try (LlamaRouteSelector engine =
        LlamaEngineLoader.load(
            TinyGgufModels.tinyQwen(models),
            LlamaEngineSettings.defaults().withContextSize(4096),
            warning -> {})) {
      report =
          CollisionCheck.run(
              engine,
              document,
              (i, answer, count, total) -> done.add(count),
              CancellationToken.none());
    }

    assertThat(done).containsExactly(1, 2, 3);
    assertThat(report.rows()).containsExactly("code generation", "chat", "bug fixing");
    for (String row : report.rows()) {
      int cells = 0;
      for (String column : report.columns()) {
        cells += report.count(row, column);
      }
      assertThat(cells).as(row).isEqualTo(1);
    }
    assertThat(report.probes())
        .allSatisfy(probe -> assertThat(report.columns()).contains(probe.answeredRoute()));
  }

  private static Action action(String name, String description, String target) {
    return new Action(name, name, description, PolicySettings.targeting(target));
  }
}
