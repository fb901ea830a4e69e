package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No command stores, prints or reports a credential it was handed. */
class SecretsCliTest {

  private static final String KEY = "sk-proj-abcdefghijklmnopqrstuvwx1234";

  @TempDir Path dir;

  @Test
  void route_refuses_an_endpoint_url_with_a_key_before_running_and_never_prints_it() {
    CliRun run =
        CliRun.of(
            "route",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--endpoint",
            "http://user:" + KEY + "@127.0.0.1:9/v1",
            "Write a Rust function");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("the URL holds a credential (an OpenAI-style API key (sk-…))")
        .contains("--api-key-env");
    assertThat(run.out() + run.err()).doesNotContain(KEY);
  }

  @Test
  void test_refuses_an_endpoint_url_with_a_password_and_stores_no_run() throws Exception {
    Path workspace = dir.resolve("w.routebench");
    Path json = dir.resolve("run.json");
    Path junit = dir.resolve("run.xml");

    CliRun run =
        CliRun.of(
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "smoke",
            "--endpoint",
            "http://admin:hunter2hunter2@127.0.0.1:9",
            "--json",
            json.toString(),
            "--junit",
            junit.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("a password in the URL (user:password@)");
    assertThat(run.out() + run.err()).doesNotContain("hunter2hunter2");
    assertThat(workspace).doesNotExist();
    assertThat(json).doesNotExist();
    assertThat(junit).doesNotExist();
  }
}
