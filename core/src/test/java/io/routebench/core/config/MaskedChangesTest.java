package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The changes an import lists (the CLI's {@code import --replace} and the workbench's preview read
 * the same values) never show a secret they replace, nor one they bring.
 */
class MaskedChangesTest {

  private static final String KEY = "sk-proj-LiteralKeyOfAnOlderWorkspace0123456";
  private static final String PASSWORD = "hunter2-router-password";

  @Test
  void a_replaced_literal_key_a_url_password_and_secret_extras_are_masked() {
    PolicyDocument clean =
        ProxyConfigImporter.importConfig(Fixtures.PLANO, Fixtures.text(Fixtures.PLANO)).document();
    var leaky = new java.util.ArrayList<>(clean.targets());
    ModelTarget first = leaky.get(0);
    leaky.set(
        0,
        new ModelTarget(
            first.model(),
            first.displayName(),
            first.baseUrl(),
            KEY,
            first.isDefault(),
            first.providerInterface(),
            "{\"headers\":{\"Authorization\":\"Bearer abcdefghijklmnop0123456789\"}}"));
    PolicyDocument current =
        clean
            .withTargets(List.copyOf(leaky))
            .withSelfHostedRouter(
                new SelfHostedRouter(
                    "arch-router", "http://admin:" + PASSWORD + "@router:11434", null));

    List<String> lines = ImportChanges.between(current, clean, List.of()).lines();

    assertThat(String.join("\n", lines))
        .contains("access key “*** (a literal secret, not shown)” → ")
        .contains("router base URL “http://admin:***@router:11434” → “http://localhost:11434”")
        .contains("\"Authorization\":\"***\"")
        .doesNotContain(KEY)
        .doesNotContain(PASSWORD)
        .doesNotContain("abcdefghijklmnop0123456789");
  }

  @Test
  void two_different_literal_keys_still_count_as_a_change() {
    PolicyDocument clean =
        ProxyConfigImporter.importConfig(Fixtures.PLANO, Fixtures.text(Fixtures.PLANO)).document();
    ModelTarget first = clean.targets().get(0);

    ImportChanges changes =
        ImportChanges.between(
            withKey(clean, first, KEY), withKey(clean, first, KEY + "x"), List.of());

    assertThat(changes.changesNothing()).isFalse();
    assertThat(changes.lines()).noneMatch(line -> line.contains(KEY));
  }

  private static PolicyDocument withKey(PolicyDocument document, ModelTarget target, String key) {
    var targets = new java.util.ArrayList<>(document.targets());
    targets.set(
        0,
        new ModelTarget(
            target.model(),
            target.displayName(),
            target.baseUrl(),
            key,
            target.isDefault(),
            target.providerInterface(),
            target.extrasJson()));
    return document.withTargets(List.copyOf(targets));
  }
}
