package io.routebench.core.ids;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for rows read from files (routes, cases). They only need to be unique, not
 * unguessable: {@link UUID#randomUUID} draws each from the operating system's secure generator,
 * which made giving ids to a 100,000-case suite or a 20,000-route config a visible share of the
 * import.
 */
public final class FreshIds {

  private FreshIds() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }
}
