package io.routebench.app.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class TaxonomyFilterTest {

  private final Taxonomy taxonomy = Documents.codingAndWriting().taxonomy();

  @Test
  void a_blank_filter_shows_everything() {
    assertThat(new TaxonomyFilter("  ").apply(taxonomy)).isEqualTo(taxonomy);
    assertThat(new TaxonomyFilter(null).isActive()).isFalse();
  }

  @Test
  void a_matching_action_keeps_its_domain_and_hides_its_siblings() {
    Taxonomy shown = new TaxonomyFilter("DEBUG").apply(taxonomy);

    assertThat(shown.domains()).extracting(Domain::name).containsExactly("coding");
    assertThat(shown.domains().get(0).actions())
        .extracting(Action::name)
        .containsExactly("debugging");
  }

  @Test
  void descriptions_match_too() {
    Taxonomy shown = new TaxonomyFilter("email").apply(taxonomy);

    assertThat(shown.domains()).extracting(Domain::name).containsExactly("writing");
    assertThat(new TaxonomyFilter("specification").apply(taxonomy).domains().get(0).actions())
        .extracting(Action::name)
        .containsExactly("code generation");
  }

  @Test
  void a_matching_domain_keeps_all_its_actions_and_only_it_counts_as_a_match() {
    var filter = new TaxonomyFilter("prose");
    Taxonomy shown = filter.apply(taxonomy);

    assertThat(shown.domains()).extracting(Domain::name).containsExactly("writing");
    assertThat(shown.domains().get(0).actions()).hasSize(1);
    assertThat(filter.matches(shown.domains().get(0))).isTrue();
    assertThat(filter.matches(shown.domains().get(0).actions().get(0))).isFalse();
  }

  @Test
  void nothing_matching_shows_nothing() {
    assertThat(new TaxonomyFilter("zebra").apply(taxonomy).domains()).isEmpty();
  }
}
