package io.routebench.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The RouteBench version, filtered into {@code version.properties} by the build. */
public final class AppVersion {

  private AppVersion() {}

  public static String current() {
    try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "development build";
      }
      var properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      // An unfiltered copy (an IDE that skips resource filtering) still says something useful.
      return version.isBlank() || version.startsWith("${") ? "development build" : version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the RouteBench version", e);
    }
  }
}
