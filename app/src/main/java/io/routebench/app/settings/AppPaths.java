package io.routebench.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where RouteBench keeps its data. Every location can be overridden by an environment variable
 * ({@code ROUTEBENCH_HOME}, {@code ROUTEBENCH_MODEL_DIR}, ...), which works the same for {@code
 * ./routebench} and the installed command, or by a system property, which wins, so that tests and
 * development runs never touch the user's real data (surefire points {@value #HOME_PROPERTY} into
 * {@code target/}).
 *
 * @param home the data home; the other locations default to folders inside it
 * @param workspaceDir where new workspaces (and the first one) are created
 * @param modelDir where downloaded GGUF router models live
 * @param logDir where the workbench writes its log
 * @param settingsFile the workbench's settings document
 */
public record AppPaths(
    Path home, Path workspaceDir, Path modelDir, Path logDir, Path settingsFile) {

  public static final String HOME_PROPERTY = "routebench.home";
  public static final String WORKSPACE_DIR_PROPERTY = "routebench.workspaceDir";
  public static final String MODEL_DIR_PROPERTY = "routebench.modelDir";
  public static final String LOG_DIR_PROPERTY = "routebench.logDir";
  public static final String SETTINGS_FILE_PROPERTY = "routebench.settingsFile";
  public static final String CHECKED_MODELS_FILE_PROPERTY = "routebench.checkedModelsFile";

  /** The environment variable for each property: the documented way in for users. */
  public static final java.util.Map<String, String> ENVIRONMENT_VARIABLES =
      java.util.Map.of(
          HOME_PROPERTY, "ROUTEBENCH_HOME",
          WORKSPACE_DIR_PROPERTY, "ROUTEBENCH_WORKSPACE_DIR",
          MODEL_DIR_PROPERTY, "ROUTEBENCH_MODEL_DIR",
          LOG_DIR_PROPERTY, "ROUTEBENCH_LOG_DIR",
          SETTINGS_FILE_PROPERTY, "ROUTEBENCH_SETTINGS_FILE");

  public AppPaths {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(workspaceDir, "workspaceDir");
    Objects.requireNonNull(modelDir, "modelDir");
    Objects.requireNonNull(logDir, "logDir");
    Objects.requireNonNull(settingsFile, "settingsFile");
  }

  /** The paths for this JVM: system properties first, then the platform's conventions. */
  public static AppPaths fromSystem() {
    return resolve(
        System::getProperty,
        System::getenv,
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home")));
  }

  /**
   * @param properties system properties by name ({@code null} when unset)
   * @param environment environment variables by name ({@code null} when unset)
   */
  static AppPaths resolve(
      UnaryOperator<String> properties,
      UnaryOperator<String> environment,
      String osName,
      Path userHome) {
    UnaryOperator<String> settings =
        name -> {
          String property = properties.apply(name);
          return property != null && !property.isBlank()
              ? property
              : environment.apply(ENVIRONMENT_VARIABLES.get(name));
        };
    Path home =
        pathProperty(settings, HOME_PROPERTY).orElse(platformHome(environment, osName, userHome));
    return new AppPaths(
        home,
        pathProperty(settings, WORKSPACE_DIR_PROPERTY).orElse(home.resolve("workspaces")),
        pathProperty(settings, MODEL_DIR_PROPERTY).orElse(home.resolve("models")),
        pathProperty(settings, LOG_DIR_PROPERTY).orElse(home.resolve("logs")),
        pathProperty(settings, SETTINGS_FILE_PROPERTY).orElse(home.resolve("settings.json")));
  }

  /**
   * The record of GGUF files that passed their first load in a separate process (by SHA-256), so
   * that they load at once afterwards; {@value #CHECKED_MODELS_FILE_PROPERTY} overrides it.
   */
  public Path checkedModelsFile() {
    return pathProperty(System::getProperty, CHECKED_MODELS_FILE_PROPERTY)
        .orElse(home.resolve("checked-models.json"));
  }

  /** Where the workbench keeps its workspace edit locks. */
  public Path lockDir() {
    return home.resolve("locks");
  }

  /** Creates the folders (not the settings file) so later writes cannot fail for want of them. */
  public void createDirectories() throws IOException {
    Files.createDirectories(home);
    Files.createDirectories(workspaceDir);
    Files.createDirectories(modelDir);
    Files.createDirectories(logDir);
    Path settingsParent = settingsFile.toAbsolutePath().getParent();
    if (settingsParent != null) {
      Files.createDirectories(settingsParent);
    }
  }

  private static java.util.Optional<Path> pathProperty(
      UnaryOperator<String> properties, String name) {
    String value = properties.apply(name);
    if (value == null || value.isBlank()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Path.of(value.strip()).toAbsolutePath().normalize());
  }

  private static Path platformHome(
      UnaryOperator<String> environment, String osName, Path userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = environment.apply("APPDATA");
      Path base =
          appData != null && !appData.isBlank()
              ? Path.of(appData)
              : userHome.resolve("AppData").resolve("Roaming");
      return base.resolve("RouteBench");
    }
    if (os.startsWith("mac")) {
      return userHome.resolve("Library").resolve("Application Support").resolve("RouteBench");
    }
    // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
    String xdgDataHome = environment.apply("XDG_DATA_HOME");
    if (xdgDataHome != null && !xdgDataHome.isBlank() && Path.of(xdgDataHome).isAbsolute()) {
      return Path.of(xdgDataHome).resolve("routebench");
    }
    return userHome.resolve(".local").resolve("share").resolve("routebench");
  }
}
