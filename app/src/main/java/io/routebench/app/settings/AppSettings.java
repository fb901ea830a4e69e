package io.routebench.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
 * @param darkTheme whether the user chose the dark theme (View ▸ Dark theme)
 * @param exportFolder where the last export was saved, or {@code null}: the next one starts there
 * @param reconnectAtStart whether the router in use when RouteBench last closed was {@code
 *     lastEndpoint}'s server: it is connected to again at start (a model file is only offered)
 */
public record AppSettings(
    WindowBounds window,
    Map<String, Double> dividerPositions,
    List<Path> recentWorkspaces,
    Path lastModelPath,
    Map<String, String> engineSettings,
    boolean firstRunDismissed,
    List<Path> recentModels,
    RouterEndpoint lastEndpoint,
    boolean darkTheme,
    Path exportFolder,
    boolean reconnectAtStart) {

  public static final int MAX_RECENT_WORKSPACES = 10;

  private static final String SHOWN_SUFFIX = ".shown";

  /** A menu's worth: more is a file chooser's job. */
  public static final int MAX_RECENT_MODELS = 8;

  public static final AppSettings DEFAULTS =
      new AppSettings(
          null, Map.of(), List.of(), null, Map.of(), false, List.of(), null, false, null, false);

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
    return changed(s -> s.window = newWindow);
  }

  /**
   * Whether the user left the side pane {@code key} shown, if they ever showed or hid it. Kept with
   * the divider positions (as 1 or 0 under {@code key + ".shown"}): it is the same window layout,
   * and the file's format stays as it was.
   */
  public Optional<Boolean> paneShown(String key) {
    return dividerPosition(key + SHOWN_SUFFIX).map(value -> value >= 0.5);
  }

  public AppSettings withPaneShown(String key, boolean shown) {
    return withDividerPosition(key + SHOWN_SUFFIX, shown ? 1 : 0);
  }

  public AppSettings withDividerPosition(String key, double position) {
    var positions = new LinkedHashMap<>(dividerPositions);
    positions.put(key, position);
    return changed(s -> s.dividerPositions = positions);
  }

  /** Moves {@code workspace} to the front of the recent list, dropping the oldest beyond ten. */
  public AppSettings withRecentWorkspace(Path workspace) {
    List<Path> recent = toFront(recentWorkspaces, workspace, MAX_RECENT_WORKSPACES);
    return changed(s -> s.recentWorkspaces = recent);
  }

  public AppSettings withoutRecentWorkspace(Path workspace) {
    Path normalized = normalize(workspace);
    List<Path> recent = recentWorkspaces.stream().filter(p -> !p.equals(normalized)).toList();
    return changed(s -> s.recentWorkspaces = recent);
  }

  public AppSettings withoutRecentWorkspaces() {
    return changed(s -> s.recentWorkspaces = List.of());
  }

  public AppSettings withLastModelPath(Path path) {
    return changed(s -> s.lastModelPath = path);
  }

  public AppSettings withEngineSetting(String name, String value) {
    Objects.requireNonNull(name, "name");
    var settings = new LinkedHashMap<>(engineSettings);
    if (value == null) {
      settings.remove(name);
    } else {
      settings.put(name, value);
    }
    return changed(s -> s.engineSettings = settings);
  }

  public AppSettings withFirstRunDismissed(boolean dismissed) {
    return changed(s -> s.firstRunDismissed = dismissed);
  }

  /**
   * Remembers {@code model} as the router model that loaded last: offered as "Load … again" and
   * first among the recent models, the oldest beyond {@value #MAX_RECENT_MODELS} dropped.
   */
  public AppSettings withLoadedModel(Path model) {
    List<Path> recent = toFront(recentModels, model, MAX_RECENT_MODELS);
    return changed(
        s -> {
          s.lastModelPath = recent.get(0);
          s.recentModels = recent;
        });
  }

  public AppSettings withLastEndpoint(RouterEndpoint endpoint) {
    return changed(s -> s.lastEndpoint = endpoint);
  }

  /** Remembers whether the server of {@link #lastEndpoint()} is the router to connect at start. */
  public AppSettings withReconnectAtStart(boolean reconnect) {
    return changed(s -> s.reconnectAtStart = reconnect);
  }

  public AppSettings withDarkTheme(boolean dark) {
    return changed(s -> s.darkTheme = dark);
  }

  public AppSettings withExportFolder(Path folder) {
    return changed(s -> s.exportFolder = folder == null ? null : normalize(folder));
  }

  /** A copy with what {@code change} sets on the copy's fields: one place lists every component. */
  private AppSettings changed(Consumer<Fields> change) {
    var fields = new Fields(this);
    change.accept(fields);
    return fields.settings();
  }

  /** The components, mutable while one copy is made. */
  private static final class Fields {
    WindowBounds window;
    Map<String, Double> dividerPositions;
    List<Path> recentWorkspaces;
    Path lastModelPath;
    Map<String, String> engineSettings;
    boolean firstRunDismissed;
    List<Path> recentModels;
    RouterEndpoint lastEndpoint;
    boolean darkTheme;
    Path exportFolder;
    boolean reconnectAtStart;

    Fields(AppSettings from) {
      window = from.window;
      dividerPositions = from.dividerPositions;
      recentWorkspaces = from.recentWorkspaces;
      lastModelPath = from.lastModelPath;
      engineSettings = from.engineSettings;
      firstRunDismissed = from.firstRunDismissed;
      recentModels = from.recentModels;
      lastEndpoint = from.lastEndpoint;
      darkTheme = from.darkTheme;
      exportFolder = from.exportFolder;
      reconnectAtStart = from.reconnectAtStart;
    }

    AppSettings settings() {
      return new AppSettings(
          window,
          dividerPositions,
          recentWorkspaces,
          lastModelPath,
          engineSettings,
          firstRunDismissed,
          recentModels,
          lastEndpoint,
          darkTheme,
          exportFolder,
          reconnectAtStart);
    }
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
