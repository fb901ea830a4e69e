package io.routebench.storage.repository;

import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.SelfHostedRouter;
import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Replaces the stored policy document with another, inside the caller's transaction. Rows are
 * deleted and inserted again rather than diffed: a document has a few hundred rows at most, batched
 * inserts of those take milliseconds, and there is no diff logic to get wrong.
 */
final class PolicyDocumentWriter {

  private static final String UPDATE_WORKSPACE =
      """
      UPDATE workspace
      SET name = ?, profile = ?, proxy_top_level_json = ?, proxy_dialect = ?, proxy_version = ?,
          proxy_providers_key = ?, served_by = ?, chat_template_file = ?, chat_template = ?,
          system_message = ?
      WHERE singleton = 1
      """;
  private static final String INSERT_ROUTER =
      """
      INSERT INTO self_hosted_router (singleton, model, base_url, provider_name)
      VALUES (1, ?, ?, ?)
      """;
  private static final String INSERT_TARGET =
      """
      INSERT INTO targets (position, model, display_name, base_url, access_key_ref, is_default,
                           provider_interface, extras_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_DOMAIN =
      """
      INSERT INTO domains (id, position, name, description, is_coarse_policy,
                           route_name_override, target_model, preference)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_DOMAIN_FALLBACK =
      "INSERT INTO domain_fallbacks (domain_id, position, model) VALUES (?, ?, ?)";
  private static final String INSERT_ACTION =
      """
      INSERT INTO actions (id, domain_id, position, name, description, route_name_override,
                           target_model, preference)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_ACTION_FALLBACK =
      "INSERT INTO action_fallbacks (action_id, position, model) VALUES (?, ?, ?)";

  private PolicyDocumentWriter() {}

  static void write(Connection connection, PolicyDocument document) throws SQLException {
    writeScalars(connection, document);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM self_hosted_router");
      statement.executeUpdate("DELETE FROM targets");
      // Cascades to actions and to both fallback tables.
      statement.executeUpdate("DELETE FROM domains");
    }
    writeRouter(connection, document.selfHostedRouter());
    writeTargets(connection, document.targets());
    writeTaxonomy(connection, document.taxonomy().domains());
  }

  private static void writeScalars(Connection connection, PolicyDocument document)
      throws SQLException {
    ProxyConfigExtras extras = document.proxyExtras();
    PromptWrapping wrapping = document.promptWrapping();
    CustomChatTemplate template = wrapping.customTemplate();
    int updated =
        Sql.update(
            connection,
            UPDATE_WORKSPACE,
            document.name(),
            document.profile().id(),
            extras.topLevelJson(),
            extras.dialect() == null ? null : extras.dialect().id(),
            extras.version(),
            extras.providersKey(),
            wrapping.servedBy().id(),
            template == null ? null : template.fileName(),
            template == null ? null : template.text(),
            wrapping.systemMessage());
    if (updated != 1) {
      throw new SQLDataException("the workspace table has lost its row");
    }
  }

  private static void writeRouter(Connection connection, SelfHostedRouter router)
      throws SQLException {
    if (router == null) {
      return;
    }
    Sql.update(connection, INSERT_ROUTER, router.model(), router.baseUrl(), router.providerName());
  }

  private static void writeTargets(Connection connection, List<ModelTarget> targets)
      throws SQLException {
    try (Sql.Batch insert = Sql.batch(connection, INSERT_TARGET)) {
      for (int position = 0; position < targets.size(); position++) {
        ModelTarget target = targets.get(position);
        insert.add(
            position,
            target.model(),
            target.displayName(),
            target.baseUrl(),
            target.accessKeyRef(),
            target.isDefault(),
            target.providerInterface(),
            target.extrasJson());
      }
      insert.execute();
    }
  }

  private static void writeTaxonomy(Connection connection, List<Domain> domains)
      throws SQLException {
    try (Sql.Batch domainInsert = Sql.batch(connection, INSERT_DOMAIN);
        Sql.Batch domainFallbackInsert = Sql.batch(connection, INSERT_DOMAIN_FALLBACK);
        Sql.Batch actionInsert = Sql.batch(connection, INSERT_ACTION);
        Sql.Batch actionFallbackInsert = Sql.batch(connection, INSERT_ACTION_FALLBACK)) {
      for (int d = 0; d < domains.size(); d++) {
        Domain domain = domains.get(d);
        addDomain(domainInsert, domain, d);
        if (domain.coarsePolicy() != null) {
          addFallbacks(domainFallbackInsert, domain.id(), domain.coarsePolicy());
        }
        for (int a = 0; a < domain.actions().size(); a++) {
          Action action = domain.actions().get(a);
          addAction(actionInsert, domain.id(), action, a);
          addFallbacks(actionFallbackInsert, action.id(), action.policy());
        }
      }
      // Parents before children, for the foreign keys.
      domainInsert.execute();
      domainFallbackInsert.execute();
      actionInsert.execute();
      actionFallbackInsert.execute();
    }
  }

  private static void addDomain(Sql.Batch insert, Domain domain, int position) throws SQLException {
    PolicySettings policy = domain.coarsePolicy();
    insert.add(
        domain.id(),
        position,
        domain.name(),
        domain.description(),
        policy != null,
        policy == null ? null : policy.routeNameOverride(),
        policy == null ? null : policy.targetModel(),
        policy == null ? null : policy.preference().wireName());
  }

  private static void addAction(Sql.Batch insert, String domainId, Action action, int position)
      throws SQLException {
    PolicySettings policy = action.policy();
    insert.add(
        action.id(),
        domainId,
        position,
        action.name(),
        action.description(),
        policy.routeNameOverride(),
        policy.targetModel(),
        policy.preference().wireName());
  }

  private static void addFallbacks(Sql.Batch insert, String ownerId, PolicySettings policy)
      throws SQLException {
    List<String> fallbacks = policy.fallbackModels();
    for (int position = 0; position < fallbacks.size(); position++) {
      insert.add(ownerId, position, fallbacks.get(position));
    }
  }
}
