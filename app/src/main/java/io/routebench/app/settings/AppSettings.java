package io.routebench.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workbench remembers between starts. Immutable: {@link SettingsStore} swaps whole
 * snapshots, so a save always writes a consistent state.
 *
 * @param window the main window's bounds, or {@code null} before the first save
 * @param dividerPositions split-pane divider positions (0..1) by a stable key such as {@code
 *     taxonomy.tree}
 * @param recentWorkspaces most recently used first, at most {@value #MAX_RECENT_WORKSPACES}
 * @param lastModelPath the router model file last loaded, or {@code null}
 * @param engineSettings inference engine options by name (context size, threads, ...), kept as text
 *     so that settings written by a newer version survive
 * @param firstRunDismissed whether the user closed the "what to do next" panel of a first start
 */
public record AppSettings(
    WindowBounds window,
    Map<String, Double> dividerPositions,
    List<Path> recentWorkspaces,
    Path lastModelPath,
    Map<String, String> engineSettings,
    boolean firstRunDismissed) {

  public static final int MAX_RECENT_WORKSPACES = 10;

  public static final AppSettings DEFAULTS =
      new AppSettings(null, Map.of(), List.of(), null, Map.of(), false);

  public AppSettings {
    dividerPositions = Map.copyOf(dividerPositions);
    recentWorkspaces = List.copyOf(recentWorkspaces);
    engineSettings = Map.copyOf(engineSettings);
  }

  public Optional<WindowBounds> windowBounds() {
    return Optional.ofNullable(window);
  }

  public Optional<Double> dividerPosition(String key) {
    return Optional.ofNullable(dividerPositions.get(key));
  }

  public AppSettings withWindow(WindowBounds newWindow) {
    return new AppSettings(
        newWindow,
        dividerPositions,
        recentWorkspaces,
        lastModelPath,
        engineSettings,
        firstRunDismissed);
  }

  public AppSettings withDividerPosition(String key, double position) {
    var positions = new LinkedHashMap<>(dividerPositions);
    positions.put(key, position);
    return new AppSettings(
        window, positions, recentWorkspaces, lastModelPath, engineSettings, firstRunDismissed);
  }

  /** Moves {@code workspace} to the front of the recent list, dropping the oldest beyond ten. */
  public AppSettings withRecentWorkspace(Path workspace) {
    Path normalized = normalize(workspace);
    var recent = new ArrayList<Path>();
    recent.add(normalized);
    for (Path existing : recentWorkspaces) {
      if (!existing.equals(normalized) && recent.size() < MAX_RECENT_WORKSPACES) {
        recent.add(existing);
      }
    }
    return new AppSettings(
        window, dividerPositions, recent, lastModelPath, engineSettings, firstRunDismissed);
  }

  public AppSettings withoutRecentWorkspace(Path workspace) {
    Path normalized = normalize(workspace);
    List<Path> recent = recentWorkspaces.stream().filter(p -> !p.equals(normalized)).toList();
    return new AppSettings(
        window, dividerPositions, recent, lastModelPath, engineSettings, firstRunDismissed);
  }

  public AppSettings withoutRecentWorkspaces() {
    return new AppSettings(
        window, dividerPositions, List.of(), lastModelPath, engineSettings, firstRunDismissed);
  }

  public AppSettings withLastModelPath(Path path) {
    return new AppSettings(
        window, dividerPositions, recentWorkspaces, path, engineSettings, firstRunDismissed);
  }

  public AppSettings withEngineSetting(String name, String value) {
    Objects.requireNonNull(name, "name");
    var settings = new LinkedHashMap<>(engineSettings);
    if (value == null) {
      settings.remove(name);
    } else {
      settings.put(name, value);
    }
    return new AppSettings(
        window, dividerPositions, recentWorkspaces, lastModelPath, settings, firstRunDismissed);
  }

  public AppSettings withFirstRunDismissed(boolean dismissed) {
    return new AppSettings(
        window, dividerPositions, recentWorkspaces, lastModelPath, engineSettings, dismissed);
  }

  private static Path normalize(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
