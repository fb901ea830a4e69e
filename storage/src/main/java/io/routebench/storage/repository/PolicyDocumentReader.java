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
    return Sql.first(
            connection,
            SELECT_WORKSPACE,
            row -> {
              String dialect = row.getString("proxy_dialect");
              var extras =
                  new ProxyConfigExtras(
                      row.getString("proxy_top_level_json"),
                      dialect == null
                          ? null
                          : StoredValues.decode(
                              dialect, ProxyDialect::fromId, "workspace.proxy_dialect"),
                      row.getString("proxy_version"),
                      row.getString("proxy_providers_key"));
              return new PolicyDocument(
                  row.getString("name"),
                  StoredValues.decode(
                      row.getString("profile"), PromptProfile::fromId, "workspace.profile"),
                  readTaxonomy(connection),
                  readTargets(connection),
                  readRouter(connection),
                  extras,
                  readWrapping(row));
            })
        .orElseThrow(() -> new SQLDataException("the workspace table has lost its row"));
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
    return Sql.first(
            connection,
            SELECT_ROUTER,
            row ->
                new SelfHostedRouter(
                    row.getString("model"),
                    row.getString("base_url"),
                    row.getString("provider_name")))
        .orElse(null);
  }

  private static List<ModelTarget> readTargets(Connection connection) throws SQLException {
    return Sql.list(
        connection,
        SELECT_TARGETS,
        row ->
            new ModelTarget(
                row.getString("model"),
                row.getString("display_name"),
                row.getString("base_url"),
                row.getString("access_key_ref"),
                row.getInt("is_default") != 0,
                row.getString("provider_interface"),
                row.getString("extras_json")));
  }

  private static Taxonomy readTaxonomy(Connection connection) throws SQLException {
    Map<String, List<String>> domainFallbacks = readFallbacks(connection, SELECT_DOMAIN_FALLBACKS);
    Map<String, List<String>> actionFallbacks = readFallbacks(connection, SELECT_ACTION_FALLBACKS);
    Map<String, List<Action>> actionsByDomain = readActions(connection, actionFallbacks);
    return new Taxonomy(
        Sql.list(
            connection,
            SELECT_DOMAINS,
            row -> {
              String id = row.getString("id");
              PolicySettings coarsePolicy =
                  row.getInt("is_coarse_policy") == 0
                      ? null
                      : policy(row, domainFallbacks.getOrDefault(id, List.of()), "domain " + id);
              return new Domain(
                  id,
                  row.getString("name"),
                  row.getString("description"),
                  coarsePolicy,
                  actionsByDomain.getOrDefault(id, List.of()));
            }));
  }

  private static Map<String, List<Action>> readActions(
      Connection connection, Map<String, List<String>> fallbacks) throws SQLException {
    Sql.Row<Map.Entry<String, Action>> domainAndAction =
        row -> {
          String id = row.getString("id");
          return Map.entry(
              row.getString("domain_id"),
              new Action(
                  id,
                  row.getString("name"),
                  row.getString("description"),
                  policy(row, fallbacks.getOrDefault(id, List.of()), "action " + id)));
        };
    return grouped(Sql.list(connection, SELECT_ACTIONS, domainAndAction));
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
    return grouped(Sql.list(connection, sql, row -> Map.entry(row.getString(1), row.getString(2))));
  }

  /** Values by key, each key's in row order. */
  private static <V> Map<String, List<V>> grouped(List<Map.Entry<String, V>> rows) {
    var grouped = new HashMap<String, List<V>>();
    rows.forEach(
        row -> grouped.computeIfAbsent(row.getKey(), key -> new ArrayList<>()).add(row.getValue()));
    return grouped;
  }
}
