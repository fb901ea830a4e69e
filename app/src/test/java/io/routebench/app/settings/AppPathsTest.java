package io.routebench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {

  private static final Path USER_HOME = Path.of("/home/ada");

  @Test
  void linux_defaults_to_the_xdg_data_folder() {
    AppPaths paths = resolve(Map.of(), Map.of(), "Linux");

    assertThat(paths.home()).isEqualTo(Path.of("/home/ada/.local/share/routebench"));
    assertThat(paths.workspaceDir()).isEqualTo(paths.home().resolve("workspaces"));
    assertThat(paths.modelDir()).isEqualTo(paths.home().resolve("models"));
    assertThat(paths.logDir()).isEqualTo(paths.home().resolve("logs"));
    assertThat(paths.settingsFile()).isEqualTo(paths.home().resolve("settings.json"));
  }

  @Test
  void linux_honours_an_absolute_xdg_data_home_and_ignores_a_relative_one() {
    assertThat(resolve(Map.of(), Map.of("XDG_DATA_HOME", "/data"), "Linux").home())
        .isEqualTo(Path.of("/data/routebench"));
    assertThat(resolve(Map.of(), Map.of("XDG_DATA_HOME", "relative"), "Linux").home())
        .isEqualTo(Path.of("/home/ada/.local/share/routebench"));
  }

  @Test
  void macos_uses_application_support() {
    assertThat(resolve(Map.of(), Map.of(), "Mac OS X").home())
        .isEqualTo(Path.of("/home/ada/Library/Application Support/RouteBench"));
  }

  @Test
  void windows_uses_appdata() {
    assertThat(resolve(Map.of(), Map.of("APPDATA", "/roaming"), "Windows 11").home())
        .isEqualTo(Path.of("/roaming/RouteBench"));
    assertThat(resolve(Map.of(), Map.of(), "Windows 11").home())
        .isEqualTo(Path.of("/home/ada/AppData/Roaming/RouteBench"));
  }

  @Test
  void the_home_property_moves_every_default_location() {
    AppPaths paths = resolve(Map.of(AppPaths.HOME_PROPERTY, "/tmp/rb"), Map.of(), "Linux");

    assertThat(paths.home()).isEqualTo(Path.of("/tmp/rb"));
    assertThat(paths.workspaceDir()).isEqualTo(Path.of("/tmp/rb/workspaces"));
    assertThat(paths.settingsFile()).isEqualTo(Path.of("/tmp/rb/settings.json"));
  }

  @Test
  void each_location_can_be_overridden_on_its_own() {
    AppPaths paths =
        resolve(
            Map.of(
                AppPaths.WORKSPACE_DIR_PROPERTY, "/w",
                AppPaths.MODEL_DIR_PROPERTY, "/m",
                AppPaths.LOG_DIR_PROPERTY, "/l",
                AppPaths.SETTINGS_FILE_PROPERTY, "/s/settings.json"),
            Map.of(),
            "Linux");

    assertThat(paths.workspaceDir()).isEqualTo(Path.of("/w"));
    assertThat(paths.modelDir()).isEqualTo(Path.of("/m"));
    assertThat(paths.logDir()).isEqualTo(Path.of("/l"));
    assertThat(paths.settingsFile()).isEqualTo(Path.of("/s/settings.json"));
    assertThat(paths.home()).isEqualTo(Path.of("/home/ada/.local/share/routebench"));
  }

  @Test
  void environment_variables_set_every_path_and_properties_win_over_them() {
    var environment =
        Map.of(
            "ROUTEBENCH_HOME", "/env/home",
            "ROUTEBENCH_MODEL_DIR", "/env/models",
            "ROUTEBENCH_WORKSPACE_DIR", "/env/w",
            "ROUTEBENCH_LOG_DIR", "/env/logs",
            "ROUTEBENCH_SETTINGS_FILE", "/env/s.json");

    AppPaths fromEnvironment = resolve(Map.of(), environment, "Linux");
    AppPaths overridden =
        resolve(Map.of(AppPaths.MODEL_DIR_PROPERTY, "/property/models"), environment, "Linux");

    assertThat(fromEnvironment)
        .isEqualTo(
            new AppPaths(
                Path.of("/env/home"),
                Path.of("/env/w"),
                Path.of("/env/models"),
                Path.of("/env/logs"),
                Path.of("/env/s.json")));
    assertThat(overridden.modelDir()).isEqualTo(Path.of("/property/models"));
    assertThat(overridden.home()).isEqualTo(Path.of("/env/home"));
  }

  @Test
  void tests_run_with_a_home_inside_the_build_folder() {
    assertThat(AppPaths.fromSystem().home().toString()).contains("test-home");
  }

  private static AppPaths resolve(
      Map<String, String> properties, Map<String, String> environment, String os) {
    return AppPaths.resolve(properties::get, environment::get, os, USER_HOME);
  }
}
