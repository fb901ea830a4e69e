package io.routebench.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppVersionTest {

  @Test
  void the_build_writes_the_project_version_into_the_jar() {
    assertThat(AppVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
