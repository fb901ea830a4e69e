package io.routebench.core.config;

import io.routebench.core.ids.FreshIds;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
   * {@code [a]} holds each group b that group a must come before, because one target has a route of
   * a directly followed (among its routes) by a route of b.
   */
  private static List<BitSet> mustPrecede(List<ImportedRoute> routes, int[] groupOf, int groups) {
    var lastGroupOfTarget = new LinkedHashMap<String, Integer>();
    var before = new ArrayList<BitSet>(groups);
    for (int g = 0; g < groups; g++) {
      before.add(new BitSet());
    }
    for (int r = 0; r < routes.size(); r++) {
      String target = String.valueOf(routes.get(r).targetModel());
      Integer previous = lastGroupOfTarget.put(target, groupOf[r]);
      if (previous != null && previous != groupOf[r]) {
        before.get(previous).set(groupOf[r]);
      }
    }
    return before;
  }

  /**
   * Merges groups that must precede each other (a cycle), then orders them so that every constraint
   * holds, choosing among the free groups the one the config names first, {@code general} last.
   */
  private static List<Group> ordered(List<Group> groups, List<BitSet> before) {
    int n = groups.size();
    BitSet[] reaches = transitiveClosure(before);
    // Each group joins the first group of its cycle; groups are indexed by first appearance.
    int[] merged = new int[n];
    for (int i = 0; i < n; i++) {
      merged[i] = i;
      for (int j = reaches[i].nextSetBit(0); j >= 0 && j < i; j = reaches[i].nextSetBit(j + 1)) {
        if (reaches[j].get(i)) {
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
    // How many kept groups not yet placed must still come before each one: placed in turn, the
    // first free group the config names, general last (Kahn's order, linear in the constraints).
    int[] waitingFor = new int[n];
    for (Group other : kept) {
      for (Group group : kept) {
        if (other != group && reaches[other.index].get(group.index)) {
          waitingFor[group.index]++;
        }
      }
    }
    var result = new ArrayList<Group>();
    var left = new ArrayList<>(kept);
    while (!left.isEmpty()) {
      Group next = null;
      for (Group candidate : left) {
        if (waitingFor[candidate.index] == 0
            && (next == null || (next.general && !candidate.general))) {
          next = candidate;
          if (!next.general) {
            break;
          }
        }
      }
      result.add(next);
      left.remove(next);
      for (Group group : left) {
        if (reaches[next.index].get(group.index)) {
          waitingFor[group.index]--;
        }
      }
    }
    return result;
  }

  /**
   * {@code [a]} holds every group reachable from {@code a} through {@code before}: a search from
   * each group, so that a config with thousands of groups costs groups × constraints, not groups
   * cubed.
   */
  private static BitSet[] transitiveClosure(List<BitSet> before) {
    int n = before.size();
    BitSet[] reaches = new BitSet[n];
    for (int start = 0; start < n; start++) {
      var seen = new BitSet(n);
      var queue = new ArrayDeque<Integer>();
      queue.add(start);
      while (!queue.isEmpty()) {
        BitSet next = before.get(queue.poll());
        for (int to = next.nextSetBit(0); to >= 0; to = next.nextSetBit(to + 1)) {
          if (!seen.get(to)) {
            seen.set(to);
            queue.add(to);
          }
        }
      }
      reaches[start] = seen;
    }
    return reaches;
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
          FreshIds.next(),
          name,
          full,
          null,
          routes.stream().map(r -> all.get(r).action()).toList());
    }
  }
}
