package io.routebench.core.config;

import java.util.Optional;

/**
 * Lines and columns of a YAML file's elements by key path, so problems found later on the document
 * read from it (the validator's, which name key paths such as {@code
 * domains[0].actions[1].description}) can point at the file's lines, as an editor or a pull request
 * shows them.
 */
public final class ConfigLocations {

  private static final ConfigLocations NONE = new ConfigLocations(null);

  private final LocatedYaml yaml;

  private ConfigLocations(LocatedYaml yaml) {
    this.yaml = yaml;
  }

  /**
   * The locations in {@code text}; none when it is not YAML (its own syntax problem carries the
   * line then).
   */
  public static ConfigLocations of(String sourceName, String text) {
    try {
      return new ConfigLocations(LocatedYaml.parse(sourceName, text));
    } catch (ConfigFormatException unreadable) {
      return NONE;
    }
  }

  /** Locations for something that is no YAML text (a workspace): every look-up finds nothing. */
  public static ConfigLocations none() {
    return NONE;
  }

  /**
   * Where the element at {@code keyPath} (or its nearest enclosing element) starts; empty when the
   * file has no such element, e.g. a policy document's path looked up in a proxy config.
   */
  public Optional<Location> find(String keyPath) {
    return yaml == null ? Optional.empty() : yaml.locate(keyPath);
  }

  /**
   * @param line 1-based
   * @param column 1-based, 0 when unknown
   */
  public record Location(int line, int column) {}
}
