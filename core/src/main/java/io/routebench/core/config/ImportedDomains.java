package io.routebench.core.config;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Groups the routes of an imported proxy config into domains a person would choose (the proxy has
 * no taxonomy; docs/formats.md states the rule): routes whose names share their leading word
 * ({@code code_generation}, {@code code review} → {@code code}), routes sharing it with no other
 * route in {@code general}; or, for an archgw config whose routed providers all carry a name of
 * their own, one domain per provider.
 *
 * <p>The export lists routes grouped by target, then in taxonomy order ({@code RouteOrder}), so the
 * domains are ordered such that every target's routes keep the config's order: an import → export
 * round trip writes them back as before. Where no domain order can do that (two groups whose routes
 * alternate on one target), those groups are merged into one domain.
 */
final class ImportedDomains {

  /** Where routes go whose leading word no other route shares. */
  static final String GENERAL = "general";

  private static final Pattern WORD_SEPARATORS = Pattern.compile("[_\\-\\s/.]+");

  /**
   * One route as the config lists it.
   *
   * @param providerDomain the domain an archgw provider's routes go to, or {@code null} to group by
   *     leading word
   */
  record ImportedRoute(Action action, String providerDomain) {
    String targetModel() {
      return action.policy().targetModel();
    }
  }

  private ImportedDomains() {}

  /**
   * @param routes in the config's order
   * @param sourceName the file name, for the domains' descriptions
   */
  static Taxonomy group(List<ImportedRoute> routes, String sourceName) {
    var wordCounts = new LinkedHashMap<String, Integer>();
    for (ImportedRoute route : routes) {
      if (route.providerDomain() == null) {
        wordCounts.merge(leadingWord(route.action().name()), 1, Integer::sum);
      }
    }
    var groups = new ArrayList<Group>();
    var groupByKey = new LinkedHashMap<String, Group>();
    int[] groupOf = new int[routes.size()];
    for (int r = 0; r < routes.size(); r++) {
      ImportedRoute route = routes.get(r);
      String name;
      String description;
      if (route.providerDomain() != null) {
        name = route.providerDomain();
        description =
            "Routes imported from "
                + sourceName
                + " that the provider "
                + name
                + " ("
                + route.targetModel()
                + ") serves.";
      } else {
        String word = leadingWord(route.action().name());
        boolean shared = !word.isEmpty() && wordCounts.get(word) > 1;
        name = shared ? word : GENERAL;
        description =
            shared
                ? "Routes imported from " + sourceName + " whose names start with “" + word + "”."
                : "Routes imported from "
                    + sourceName
                    + " whose names share their first word with no other route.";
      }
      String key = name.toLowerCase(Locale.ROOT);
      Group group = groupByKey.get(key);
      if (group == null) {
        group = new Group(groups.size(), name, description, key.equals(GENERAL));
        groupByKey.put(key, group);
        groups.add(group);
      }
      group.routes.add(r);
      groupOf[r] = group.index;
    }
    List<Group> ordered = ordered(groups, mustPrecede(routes, groupOf, groups.size()));
    return new Taxonomy(ordered.stream().map(group -> group.domain(routes)).toList());
  }

  /**
   * The first word of a route name, lower case: words are separated by {@code _ - . /} and
   * whitespace; empty when the name has none.
   */
  static String leadingWord(String routeName) {
    return Arrays.stream(WORD_SEPARATORS.split(routeName.strip()))
        .filter(word -> !word.isEmpty())
        .findFirst()
        .map(word -> word.toLowerCase(Locale.ROOT))
        .orElse("");
  }

  /**
   * {@code [a][b]}: group a must come before group b, because one target has a route of a directly
   * followed (among its routes) by a route of b.
   */
  private static boolean[][] mustPrecede(List<ImportedRoute> routes, int[] groupOf, int groups) {
    var lastGroupOfTarget = new LinkedHashMap<String, Integer>();
    boolean[][] before = new boolean[groups][groups];
    for (int r = 0; r < routes.size(); r++) {
      String target = String.valueOf(routes.get(r).targetModel());
      Integer previous = lastGroupOfTarget.put(target, groupOf[r]);
      if (previous != null && previous != groupOf[r]) {
        before[previous][groupOf[r]] = true;
      }
    }
    return before;
  }

  /**
   * Merges groups that must precede each other (a cycle), then orders them so that every constraint
   * holds, choosing among the free groups the one the config names first, {@code general} last.
   */
  private static List<Group> ordered(List<Group> groups, boolean[][] before) {
    int n = groups.size();
    boolean[][] reaches = new boolean[n][];
    for (int i = 0; i < n; i++) {
      reaches[i] = before[i].clone();
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        if (reaches[i][k]) {
          for (int j = 0; j < n; j++) {
            reaches[i][j] |= reaches[k][j];
          }
        }
      }
    }
    // Each group joins the first group of its cycle; groups are indexed by first appearance.
    int[] merged = new int[n];
    for (int i = 0; i < n; i++) {
      merged[i] = i;
      for (int j = 0; j < i; j++) {
        if (reaches[i][j] && reaches[j][i]) {
          merged[i] = merged[j];
          break;
        }
      }
    }
    var kept = new ArrayList<Group>();
    for (int i = 0; i < n; i++) {
      if (merged[i] == i) {
        kept.add(groups.get(i));
      } else {
        groups.get(merged[i]).absorb(groups.get(i));
      }
    }
    var result = new ArrayList<Group>();
    var left = new ArrayList<>(kept);
    while (!left.isEmpty()) {
      Group next = null;
      for (Group candidate : left) {
        boolean free =
            left.stream()
                .noneMatch(other -> other != candidate && reaches[other.index][candidate.index]);
        if (free && (next == null || (next.general && !candidate.general))) {
          next = candidate;
        }
      }
      result.add(next);
      left.remove(next);
    }
    return result;
  }

  private static final class Group {
    final int index;
    final String name;
    final String description;
    final boolean general;
    final List<Integer> routes = new ArrayList<>();
    final List<Integer> absorbed = new ArrayList<>();

    Group(int index, String name, String description, boolean general) {
      this.index = index;
      this.name = name;
      this.description = description;
      this.general = general;
    }

    void absorb(Group other) {
      routes.addAll(other.routes);
      absorbed.addAll(other.routes);
      routes.sort(null);
    }

    Domain domain(List<ImportedRoute> all) {
      String full = description;
      if (!absorbed.isEmpty()) {
        full +=
            " Also holds "
                + absorbed.stream()
                    .sorted()
                    .map(r -> "“" + all.get(r).action().name() + "”")
                    .collect(Collectors.joining(", "))
                + ", so that each model's routes stay in the config's order.";
      }
      return new Domain(
          UUID.randomUUID().toString(),
          name,
          full,
          null,
          routes.stream().map(r -> all.get(r).action()).toList());
    }
  }
}
