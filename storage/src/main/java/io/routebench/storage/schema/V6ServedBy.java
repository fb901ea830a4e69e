package io.routebench.storage.schema;

/**
 * Schema version 6: how the user's serving engine wraps the router prompt is part of the policy
 * document (the workspace row). Existing workspaces get the default, Ollama with nothing added: the
 * proxies' documented self-hosted setup. Frozen: later changes are new steps.
 */
final class V6ServedBy {

  private V6ServedBy() {}

  static final Migration STEP =
      new Migration(
          5,
          "the serving engine that wraps the router prompt",
          """
          ALTER TABLE workspace ADD COLUMN served_by TEXT NOT NULL DEFAULT 'ollama';
          -- Both NULL, or the custom Jinja template's text and the file it was read from.
          ALTER TABLE workspace ADD COLUMN chat_template_file TEXT;
          ALTER TABLE workspace ADD COLUMN chat_template TEXT;
          ALTER TABLE workspace ADD COLUMN system_message TEXT NOT NULL DEFAULT '';
          """);
}
