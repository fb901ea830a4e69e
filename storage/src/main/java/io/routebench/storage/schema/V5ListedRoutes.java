package io.routebench.storage.schema;

/**
 * Schema version 5: each turn keeps every route its answer listed (plano-v1's list answer whole, as
 * a JSON array), so runs can count the turns whose expected route was listed but outranked. Turns
 * recorded before have none ({@code NULL}): their runs open as they were and count no such turn.
 * Frozen: later changes are new steps.
 */
final class V5ListedRoutes {

  private V5ListedRoutes() {}

  static final Migration STEP =
      new Migration(
          4,
          "every route a turn's answer listed",
          """
          ALTER TABLE turn_results ADD COLUMN listed_routes_json TEXT;
          """);
}
