package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.routebench.app.testing.WordOverlapRouterServer;
import io.routebench.core.doctor.DoctorFixtures;
import io.routebench.core.suite.TestSuite;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code routebench doctor} against a router served on the loopback whose answers follow the
 * descriptions' words, on a suite with a known confusion: two debugging turns go to code
 * generation.
 */
class DoctorCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path workspace;
  private WordOverlapRouterServer router;

  @BeforeEach
  void createWorkspace() throws IOException {
    workspace = dir.resolve("w.routebench");
    try (Workspace created = WorkspaceFile.create(workspace)) {
      created.policies().save(DoctorFixtures.document());
      TestSuite suite = created.suites().createSuite("doctor", "");
      created.suites().addCases(suite.id(), DoctorFixtures.suite().cases());
    }
    router = new WordOverlapRouterServer();
  }

  @AfterEach
  void stop() {
    router.close();
  }

  @Test
  void the_fix_is_found_verified_with_the_decisions_it_reports_and_ranked_first() throws Exception {
    Path json = dir.resolve("doctor.json");

    CliRun run = doctor("--json", json.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("running its 6 turn(s) first");
    assertThat(run.out())
        .contains("debugging → code generation (2 turns)")
        .contains(
            " 1. Add to debugging: “throws”, “traceback”, “script”, “upgrade”  [add distinguishing"
                + " terms]")
        .contains("fixes 2, breaks 0 (net +2) · breaks nothing")
        .contains("(verified on 6 of 6 turns)")
        .contains(
            "+ Fixing bugs and errors in programs. Also covers requests about throws, traceback,"
                + " script and upgrade.");
    JsonNode report = JSON.readTree(json.toFile());
    JsonNode best = report.get("candidates").get(0);
    assertThat(best.get("kind").asText()).isEqualTo("add distinguishing terms");
    assertThat(best.get("net").asInt()).isEqualTo(2);
    // Every claim is read off the decisions it lists: c1 and c2 now go to debugging.
    List<String> fixed = new ArrayList<>();
    best.get("fixed").forEach(change -> fixed.add(change.get("case_id").asText()));
    assertThat(fixed).containsExactly("c1", "c2");
    for (JsonNode decision : best.get("decisions")) {
      if (fixed.contains(decision.get("case_id").asText())) {
        assertThat(decision.get("actual").asText()).isEqualTo("debugging");
        assertThat(decision.get("raw_output").asText()).isEqualTo("{\"route\": \"debugging\"}");
      }
    }
    assertThat(best.get("decisions")).hasSize(6);
    // The baseline run and every verification decision, nothing more.
    assertThat(router.completions()).isEqualTo(6 + report.get("decisions").asInt());
  }

  @Test
  void an_llm_rewrite_gets_the_prompt_shown_and_ranks_below_an_edit_that_breaks_nothing()
      throws Exception {
    String tooWide =
        "Fixing bugs and errors in programs; exceptions, traceback, throws, script, scripts,"
            + " handles, writing, cleanly.";
    try (var llm =
        new FixedRewriteServer("{\"descriptions\": {\"debugging\": \"" + tooWide + "\"}}")) {
      CliRun run =
          doctor(
              "--llm",
              llm.baseUrl(),
              "--llm-model",
              "rewriter",
              "--json",
              dir.resolve("d.json").toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(llm.bodies).singleElement();
      JsonNode sent = JSON.readTree(llm.bodies.get(0));
      assertThat(sent.get("model").asText()).isEqualTo("rewriter");
      String userPrompt = sent.at("/messages/1/content").asText();
      assertThat(userPrompt)
          .contains("- my script throws exceptions with a traceback")
          .contains("Requests correctly routed to \"code generation\":");
      // The prompt the model received is the one the user was shown.
      assertThat(run.err()).contains(userPrompt.lines().findFirst().orElseThrow());
      JsonNode candidates = JSON.readTree(dir.resolve("d.json").toFile()).get("candidates");
      int llmRank = -1;
      int bestRank = -1;
      for (JsonNode candidate : candidates) {
        if (candidate.get("kind").asText().equals("LLM rewrite")) {
          llmRank = candidate.get("rank").asInt();
          assertThat(candidate.get("fixed")).hasSize(2);
          assertThat(candidate.get("broken")).hasSize(1);
          assertThat(candidate.at("/broken/0/case_id").asText()).isEqualTo("c5");
        }
        if (candidate.get("kind").asText().equals("add distinguishing terms")) {
          bestRank = candidate.get("rank").asInt();
        }
      }
      assertThat(bestRank).isEqualTo(1);
      assertThat(llmRank).isGreaterThan(bestRank);
    }
  }

  @Test
  void apply_changes_the_workspace_and_a_new_run_shows_the_fix() {
    CliRun run = doctor("--apply", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Applied improvement 1 (Add to debugging");
    try (Workspace reopened = WorkspaceFile.open(workspace)) {
      assertThat(reopened.policies().load().taxonomy().policyByRouteName("debugging"))
          .hasValueSatisfying(p -> assertThat(p.description()).endsWith("script and upgrade."));
    }
    CliRun test =
        CliRun.of(
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "doctor",
            "--endpoint",
            router.baseUrl(),
            "--endpoint-model",
            "arch-router");
    assertThat(test.out()).contains("turn accuracy          100.00%  (6/6)");
  }

  @Test
  void a_budget_caps_the_decisions() {
    CliRun run = doctor("--budget", "12");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("Verifying 2 of").contains(": 12 decision(s)");
    assertThat(router.completions()).isEqualTo(6 + 12);
  }

  @Test
  void a_description_that_lands_elsewhere_gets_a_verified_edit_from_the_collision_check()
      throws IOException {
    try (Workspace colliding = WorkspaceFile.open(workspace)) {
      colliding
          .policies()
          .save(
              DoctorFixtures.document(
                  "Writing code that handles errors and exceptions.", "Errors and exceptions."));
    }

    CliRun run =
        CliRun.of(
            "doctor",
            "--workspace",
            workspace.toString(),
            "--collisions",
            "--endpoint",
            router.baseUrl(),
            "--endpoint-model",
            "arch-router");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Descriptions the router gives to another route:")
        .contains("debugging → code generation (1 turn)")
        .contains(" 1. Drop from code generation the words it shares with debugging")
        .contains("+ Writing code that handles.");
  }

  @Test
  void a_suite_or_the_collision_check_must_be_named() {
    CliRun run =
        CliRun.of("doctor", "--workspace", workspace.toString(), "--endpoint", router.baseUrl());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("name a --suite, or give --collisions");
  }

  private CliRun doctor(String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "doctor",
                "--workspace",
                workspace.toString(),
                "--suite",
                "doctor",
                "--endpoint",
                router.baseUrl(),
                "--endpoint-model",
                "arch-router"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** An OpenAI-compatible chat model that answers every request with one fixed rewrite. */
  private static final class FixedRewriteServer implements AutoCloseable {
    final List<String> bodies = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FixedRewriteServer(String answer) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
      server.createContext(
          "/v1/chat/completions",
          exchange -> {
            bodies.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var completion = JSON.createObjectNode();
            var choice = completion.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", answer);
            choice.put("finish_reason", "stop");
            byte[] body = JSON.writeValueAsBytes(completion);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
