package io.routebench.storage.repository;

import java.sql.SQLDataException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** How values that SQL has no type for are written to and read back from columns. */
final class StoredValues {

  /**
   * UTC with all nine fractional digits: exact to the nanosecond, and because the width is fixed,
   * text order is time order (so {@code ORDER BY started_at} and its index work).
   */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private StoredValues() {}

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  static Instant timestamp(String text, String where) throws SQLDataException {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new SQLDataException(where + " holds '" + text + "', which is not a timestamp", e);
    }
  }

  /**
   * Parses an enum (or other coded) value with its own parser, naming the column when the file
   * holds a value this RouteBench does not know.
   */
  static <T> T decode(String stored, Function<String, T> parser, String where)
      throws SQLDataException {
    try {
      return parser.apply(stored);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SQLDataException(
          where + " holds '" + stored + "', which this RouteBench does not know", e);
    }
  }
}
