package io.routebench.core.doctor;

import java.util.Objects;

/**
 * One policy's description, before and after a proposed edit.
 *
 * @param routeName the policy, by the route name the router answers with
 */
public record DescriptionEdit(String routeName, String before, String after) {

  public DescriptionEdit {
    Objects.requireNonNull(routeName, "routeName");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** How many characters the edit adds or removes, a rough measure of how much it changes. */
  public int size() {
    int common = 0;
    int max = Math.min(before.length(), after.length());
    while (common < max && before.charAt(common) == after.charAt(common)) {
      common++;
    }
    int tail = 0;
    while (tail < max - common
        && before.charAt(before.length() - 1 - tail) == after.charAt(after.length() - 1 - tail)) {
      tail++;
    }
    return (before.length() - common - tail) + (after.length() - common - tail);
  }
}
