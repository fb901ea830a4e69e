package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFormatExceptionTest {

  @Test
  void the_message_names_file_line_column_and_key_path() {
    var error =
        new ConfigFormatException(
            "file.yaml",
            new ConfigFormatException.Problem(
                12,
                5,
                "model_providers[2].routing_preferences[0]",
                "description must be a string"));

    assertThat(error.getMessage())
        .isEqualTo(
            "file.yaml:12:5: model_providers[2].routing_preferences[0]: description must be a"
                + " string");
    assertThat(error.sourceName()).isEqualTo("file.yaml");
    assertThat(error.line()).isEqualTo(12);
    assertThat(error.column()).isEqualTo(5);
    assertThat(error.keyPath()).isEqualTo("model_providers[2].routing_preferences[0]");
  }

  @Test
  void unknown_parts_of_the_location_are_left_out() {
    var error =
        new ConfigFormatException(
            "file.yaml",
            List.of(
                new ConfigFormatException.Problem(0, 0, "targets[1].model", "is required"),
                new ConfigFormatException.Problem(0, 0, "", "the file is empty"),
                new ConfigFormatException.Problem(3, 0, null, "odd")));

    assertThat(error.getMessage())
        .isEqualTo(
            "file.yaml: targets[1].model: is required\n"
                + "file.yaml: the file is empty\n"
                + "file.yaml:3: odd");
  }

  @Test
  void an_exception_without_problems_is_a_programming_error() {
    assertThatThrownBy(() -> new ConfigFormatException("f", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
