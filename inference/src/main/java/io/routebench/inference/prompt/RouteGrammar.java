package io.routebench.inference.prompt;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Prefill and GBNF grammar that let a local router answer only with routes it was offered.
 *
 * <ul>
 *   <li>archgw-v1: prefill {@code {"route": "}, then one route name or {@code other}, then {@code
 *       "}}. A name that is a prefix of another is no problem: the closing quote decides.
 *   <li>plano-v1: prefill {@code {"route": [}, then either {@code ]}} (no route) or a list of
 *       quoted route names separated by {@code ", "}, then {@code ]}}.
 * </ul>
 */
public final class RouteGrammar {

  private static final String ARCHGW_PREFILL = "{\"route\": \"";
  private static final String PLANO_PREFILL = "{\"route\": [";

  private RouteGrammar() {}

  /**
   * @param routeNames the names offered in the prompt, in prompt order; duplicates and empty names
   *     are ignored
   */
  public static ConstrainedAnswer forRoutes(PromptProfile profile, Collection<String> routeNames) {
    List<String> names = distinctNonEmpty(routeNames);
    return switch (profile) {
      case ARCHGW_V1 -> archgw(names);
      case PLANO_V1 -> plano(names);
    };
  }

  private static ConstrainedAnswer archgw(List<String> names) {
    var choices = new LinkedHashSet<>(names);
    choices.add(RouteNames.OTHER);
    var alternatives = new ArrayList<String>();
    for (String name : choices) {
      alternatives.add(literal(name));
    }
    String grammar = "root ::= (" + String.join(" | ", alternatives) + ") " + literal("\"}") + "\n";
    return new ConstrainedAnswer(ARCHGW_PREFILL, grammar);
  }

  private static ConstrainedAnswer plano(List<String> names) {
    String close = literal("]}");
    if (names.isEmpty()) {
      return new ConstrainedAnswer(PLANO_PREFILL, "root ::= " + close + "\n");
    }
    var alternatives = new ArrayList<String>();
    for (String name : names) {
      alternatives.add(literal("\"" + name + "\""));
    }
    String grammar =
        "root ::= "
            + close
            + " | route ("
            + literal(", ")
            + " route)* "
            + close
            + "\n"
            + "route ::= "
            + String.join(" | ", alternatives)
            + "\n";
    return new ConstrainedAnswer(PLANO_PREFILL, grammar);
  }

  private static List<String> distinctNonEmpty(Collection<String> routeNames) {
    var names = new LinkedHashSet<String>();
    for (String name : routeNames) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /**
   * A GBNF string literal: {@code "} and {@code \} escaped, common control characters in their
   * short forms, other control characters (and DEL) as {@code \xHH}; everything else, non-ASCII
   * included, is written as it is (llama.cpp reads grammars as UTF-8).
   */
  public static String literal(String text) {
    var literal = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                  if (cp < 0x20 || cp == 0x7f) {
                    literal.append(String.format("\\x%02X", cp));
                  } else {
                    literal.appendCodePoint(cp);
                  }
                }
              }
            });
    return literal.append('"').toString();
  }
}
