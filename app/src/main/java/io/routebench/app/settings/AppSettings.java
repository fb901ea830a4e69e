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
 * @param recentModels router model files that loaded, most recent first, at most {@value
 *     #MAX_RECENT_MODELS}
 * @param lastEndpoint the remote router last connected to, or {@code null}
 */
public record AppSettings(
    WindowBounds window,
    Map<String, Double> dividerPositions,
    List<Path> recentWorkspaces,
    Path lastModelPath,
    Map<String, String> engineSettings,
    boolean firstRunDismissed,
    List<Path> recentModels,
    RouterEndpoint lastEndpoint) {

  public static final int MAX_RECENT_WORKSPACES = 10;

  /** A menu's worth: more is a file chooser's job. */
  public static final int MAX_RECENT_MODELS = 8;

  public static final AppSettings DEFAULTS =
      new AppSettings(null, Map.of(), List.of(), null, Map.of(), false, List.of(), null);

  public AppSettings {
    dividerPositions = Map.copyOf(dividerPositions);
    recentWorkspaces = List.copyOf(recentWorkspaces);
    engineSettings = Map.copyOf(engineSettings);
    recentModels = List.copyOf(recentModels);
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
        firstRunDismissed,
        recentModels,
        lastEndpoint);
  }

  public AppSettings withDividerPosition(String key, double position) {
    var positions = new LinkedHashMap<>(dividerPositions);
    positions.put(key, position);
    return new AppSettings(
        window,
        positions,
        recentWorkspaces,
        lastModelPath,
        engineSettings,
        firstRunDismissed,
        recentModels,
        lastEndpoint);
  }

  /** Moves {@code workspace} to the front of the recent list, dropping the oldest beyond ten. */
  public AppSettings withRecentWorkspace(Path workspace) {
    List<Path> recent = toFront(recentWorkspaces, workspace, MAX_RECENT_WORKSPACES);
    return new AppSettings(
        window,
        dividerPositions,
        recent,
        lastModelPath,
        engineSettings,
        firstRunDismissed,
        recentModels,
        lastEndpoint);
  }

  public AppSettings withoutRecentWorkspace(Path workspace) {
    Path normalized = normalize(workspace);
    List<Path> recent = recentWorkspaces.stream().filter(p -> !p.equals(normalized)).toList();
    return new AppSettings(
        window,
        dividerPositions,
        recent,
        lastModelPath,
        engineSettings,
        firstRunDismissed,
        recentModels,
        lastEndpoint);
  }

  public AppSettings withoutRecentWorkspaces() {
    return new AppSettings(
        window,
        dividerPositions,
        List.of(),
        lastModelPath,
        engineSettings,
        firstRunDismissed,
        recentModels,
        lastEndpoint);
  }

  public AppSettings withLastModelPath(Path path) {
    return new AppSettings(
        window,
        dividerPositions,
        recentWorkspaces,
        path,
        engineSettings,
        firstRunDismissed,
        recentModels,
        lastEndpoint);
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
        window,
        dividerPositions,
        recentWorkspaces,
        lastModelPath,
        settings,
        firstRunDismissed,
        recentModels,
        lastEndpoint);
  }

  public AppSettings withFirstRunDismissed(boolean dismissed) {
    return new AppSettings(
        window,
        dividerPositions,
        recentWorkspaces,
        lastModelPath,
        engineSettings,
        dismissed,
        recentModels,
        lastEndpoint);
  }

  /**
   * Remembers {@code model} as the router model that loaded last: offered as "Load … again" and
   * first among the recent models, the oldest beyond {@value #MAX_RECENT_MODELS} dropped.
   */
  public AppSettings withLoadedModel(Path model) {
    List<Path> recent = toFront(recentModels, model, MAX_RECENT_MODELS);
    return new AppSettings(
        window,
        dividerPositions,
        recentWorkspaces,
        recent.get(0),
        engineSettings,
        firstRunDismissed,
        recent,
        lastEndpoint);
  }

  public AppSettings withoutRecentModel(Path model) {
    Path normalized = normalize(model);
    return new AppSettings(
        window,
        dividerPositions,
        recentWorkspaces,
        lastModelPath,
        engineSettings,
        firstRunDismissed,
        recentModels.stream().filter(p -> !p.equals(normalized)).toList(),
        lastEndpoint);
  }

  public AppSettings withLastEndpoint(RouterEndpoint endpoint) {
    return new AppSettings(
        window,
        dividerPositions,
        recentWorkspaces,
        lastModelPath,
        engineSettings,
        firstRunDismissed,
        recentModels,
        endpoint);
  }

  /** {@code path} first, then the others in their order, at most {@code max} in all. */
  private static List<Path> toFront(List<Path> recent, Path path, int max) {
    Path normalized = normalize(path);
    var reordered = new ArrayList<Path>();
    reordered.add(normalized);
    for (Path existing : recent) {
      if (!existing.equals(normalized) && reordered.size() < max) {
        reordered.add(existing);
      }
    }
    return reordered;
  }

  private static Path normalize(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
