package io.routebench.storage.repository;

import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the stored policy document back, inside the caller's transaction. */
final class PolicyDocumentReader {

  private static final String SELECT_WORKSPACE =
      """
      SELECT name, profile, proxy_top_level_json, proxy_dialect, proxy_version,
             proxy_providers_key, served_by, chat_template_file, chat_template, system_message
      FROM workspace
      WHERE singleton = 1
      """;
  private static final String SELECT_ROUTER =
      "SELECT model, base_url, provider_name FROM self_hosted_router";
  private static final String SELECT_TARGETS =
      """
      SELECT model, display_name, base_url, access_key_ref, is_default, provider_interface,
             extras_json
      FROM targets
      ORDER BY position
      """;
  private static final String SELECT_DOMAINS =
      """
      SELECT id, name, description, is_coarse_policy, route_name_override, target_model,
             preference
      FROM domains
      ORDER BY position
      """;
  private static final String SELECT_ACTIONS =
      """
      SELECT id, domain_id, name, description, route_name_override, target_model, preference
      FROM actions
      ORDER BY domain_id, position
      """;
  private static final String SELECT_DOMAIN_FALLBACKS =
      "SELECT domain_id, model FROM domain_fallbacks ORDER BY domain_id, position";
  private static final String SELECT_ACTION_FALLBACKS =
      "SELECT action_id, model FROM action_fallbacks ORDER BY action_id, position";

  private PolicyDocumentReader() {}

  static PolicyDocument read(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT_WORKSPACE);
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new SQLDataException("the workspace table has lost its row");
      }
      String dialect = row.getString("proxy_dialect");
      var extras =
          new ProxyConfigExtras(
              row.getString("proxy_top_level_json"),
              dialect == null
                  ? null
                  : StoredValues.decode(dialect, ProxyDialect::fromId, "workspace.proxy_dialect"),
              row.getString("proxy_version"),
              row.getString("proxy_providers_key"));
      return new PolicyDocument(
          row.getString("name"),
          StoredValues.decode(row.getString("profile"), PromptProfile::fromId, "workspace.profile"),
          readTaxonomy(connection),
          readTargets(connection),
          readRouter(connection),
          extras,
          readWrapping(row));
    }
  }

  private static PromptWrapping readWrapping(ResultSet row) throws SQLException {
    ServingEngine engine =
        StoredValues.decode(
            row.getString("served_by"), ServingEngine::fromId, "workspace.served_by");
    String template = row.getString("chat_template");
    String templateFile = row.getString("chat_template_file");
    try {
      return new PromptWrapping(
          engine,
          template == null ? null : new CustomChatTemplate(templateFile, template),
          row.getString("system_message"));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SQLDataException("workspace.chat_template cannot be used: " + e.getMessage(), e);
    }
  }

  private static SelfHostedRouter readRouter(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT_ROUTER);
        ResultSet row = select.executeQuery()) {
      return row.next()
          ? new SelfHostedRouter(
              row.getString("model"), row.getString("base_url"), row.getString("provider_name"))
          : null;
    }
  }

  private static List<ModelTarget> readTargets(Connection connection) throws SQLException {
    var targets = new ArrayList<ModelTarget>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_TARGETS);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        targets.add(
            new ModelTarget(
                rows.getString("model"),
                rows.getString("display_name"),
                rows.getString("base_url"),
                rows.getString("access_key_ref"),
                rows.getInt("is_default") != 0,
                rows.getString("provider_interface"),
                rows.getString("extras_json")));
      }
    }
    return targets;
  }

  private static Taxonomy readTaxonomy(Connection connection) throws SQLException {
    Map<String, List<String>> domainFallbacks = readFallbacks(connection, SELECT_DOMAIN_FALLBACKS);
    Map<String, List<String>> actionFallbacks = readFallbacks(connection, SELECT_ACTION_FALLBACKS);
    Map<String, List<Action>> actionsByDomain = readActions(connection, actionFallbacks);
    var domains = new ArrayList<Domain>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_DOMAINS);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String id = rows.getString("id");
        PolicySettings coarsePolicy =
            rows.getInt("is_coarse_policy") == 0
                ? null
                : policy(rows, domainFallbacks.getOrDefault(id, List.of()), "domain " + id);
        domains.add(
            new Domain(
                id,
                rows.getString("name"),
                rows.getString("description"),
                coarsePolicy,
                actionsByDomain.getOrDefault(id, List.of())));
      }
    }
    return new Taxonomy(domains);
  }

  private static Map<String, List<Action>> readActions(
      Connection connection, Map<String, List<String>> fallbacks) throws SQLException {
    var actionsByDomain = new HashMap<String, List<Action>>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_ACTIONS);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String id = rows.getString("id");
        var action =
            new Action(
                id,
                rows.getString("name"),
                rows.getString("description"),
                policy(rows, fallbacks.getOrDefault(id, List.of()), "action " + id));
        actionsByDomain
            .computeIfAbsent(rows.getString("domain_id"), key -> new ArrayList<>())
            .add(action);
      }
    }
    return actionsByDomain;
  }

  private static PolicySettings policy(ResultSet row, List<String> fallbacks, String owner)
      throws SQLException {
    return new PolicySettings(
        row.getString("route_name_override"),
        row.getString("target_model"),
        fallbacks,
        StoredValues.decode(
            row.getString("preference"),
            SelectionPreference::fromWireName,
            owner + ": preference"));
  }

  private static Map<String, List<String>> readFallbacks(Connection connection, String sql)
      throws SQLException {
    var fallbacks = new HashMap<String, List<String>>();
    try (PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        fallbacks
            .computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
            .add(rows.getString(2));
      }
    }
    return fallbacks;
  }
}
