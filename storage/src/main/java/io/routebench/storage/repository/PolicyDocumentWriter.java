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
import java.sql.PreparedStatement;
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
    try (PreparedStatement update = connection.prepareStatement(UPDATE_WORKSPACE)) {
      update.setString(1, document.name());
      update.setString(2, document.profile().id());
      update.setString(3, extras.topLevelJson());
      update.setString(4, extras.dialect() == null ? null : extras.dialect().id());
      update.setString(5, extras.version());
      update.setString(6, extras.providersKey());
      PromptWrapping wrapping = document.promptWrapping();
      CustomChatTemplate template = wrapping.customTemplate();
      update.setString(7, wrapping.servedBy().id());
      update.setString(8, template == null ? null : template.fileName());
      update.setString(9, template == null ? null : template.text());
      update.setString(10, wrapping.systemMessage());
      if (update.executeUpdate() != 1) {
        throw new SQLDataException("the workspace table has lost its row");
      }
    }
  }

  private static void writeRouter(Connection connection, SelfHostedRouter router)
      throws SQLException {
    if (router == null) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ROUTER)) {
      insert.setString(1, router.model());
      insert.setString(2, router.baseUrl());
      insert.setString(3, router.providerName());
      insert.executeUpdate();
    }
  }

  private static void writeTargets(Connection connection, List<ModelTarget> targets)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_TARGET)) {
      for (int position = 0; position < targets.size(); position++) {
        ModelTarget target = targets.get(position);
        insert.setInt(1, position);
        insert.setString(2, target.model());
        insert.setString(3, target.displayName());
        insert.setString(4, target.baseUrl());
        insert.setString(5, target.accessKeyRef());
        StoredValues.setBoolean(insert, 6, target.isDefault());
        insert.setString(7, target.providerInterface());
        insert.setString(8, target.extrasJson());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void writeTaxonomy(Connection connection, List<Domain> domains)
      throws SQLException {
    try (PreparedStatement domainInsert = connection.prepareStatement(INSERT_DOMAIN);
        PreparedStatement domainFallbackInsert =
            connection.prepareStatement(INSERT_DOMAIN_FALLBACK);
        PreparedStatement actionInsert = connection.prepareStatement(INSERT_ACTION);
        PreparedStatement actionFallbackInsert =
            connection.prepareStatement(INSERT_ACTION_FALLBACK)) {
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
      domainInsert.executeBatch();
      domainFallbackInsert.executeBatch();
      actionInsert.executeBatch();
      actionFallbackInsert.executeBatch();
    }
  }

  private static void addDomain(PreparedStatement insert, Domain domain, int position)
      throws SQLException {
    PolicySettings policy = domain.coarsePolicy();
    insert.setString(1, domain.id());
    insert.setInt(2, position);
    insert.setString(3, domain.name());
    insert.setString(4, domain.description());
    StoredValues.setBoolean(insert, 5, policy != null);
    insert.setString(6, policy == null ? null : policy.routeNameOverride());
    insert.setString(7, policy == null ? null : policy.targetModel());
    insert.setString(8, policy == null ? null : policy.preference().wireName());
    insert.addBatch();
  }

  private static void addAction(PreparedStatement insert, String domainId, Action action, int pos)
      throws SQLException {
    PolicySettings policy = action.policy();
    insert.setString(1, action.id());
    insert.setString(2, domainId);
    insert.setInt(3, pos);
    insert.setString(4, action.name());
    insert.setString(5, action.description());
    insert.setString(6, policy.routeNameOverride());
    insert.setString(7, policy.targetModel());
    insert.setString(8, policy.preference().wireName());
    insert.addBatch();
  }

  private static void addFallbacks(PreparedStatement insert, String ownerId, PolicySettings policy)
      throws SQLException {
    List<String> fallbacks = policy.fallbackModels();
    for (int position = 0; position < fallbacks.size(); position++) {
      insert.setString(1, ownerId);
      insert.setInt(2, position);
      insert.setString(3, fallbacks.get(position));
      insert.addBatch();
    }
  }
}
