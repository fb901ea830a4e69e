package io.routebench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.workspace.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplePoliciesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "coding-assistant.policy.yaml",
        "enterprise-assistant.policy.yaml",
        "personal-assistant.policy.yaml"
      })
  void every_bundled_sample_loads_and_has_no_validation_errors(String sample) {
    PolicyDocument document = SamplePolicies.load(sample);

    assertThat(document.taxonomy().policies()).isNotEmpty();
    assertThat(PolicyValidator.validate(document).errors()).isEmpty();
  }

  @Test
  void a_missing_sample_is_reported_by_name() {
    assertThatThrownBy(() -> SamplePolicies.load("nope.policy.yaml"))
        .hasMessageContaining("nope.policy.yaml");
  }
}
