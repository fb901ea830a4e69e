package io.routebench.inference.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProxySelectorTest {

  private static final ProxySelector DIRECT = ProxySelector.of(null);

  private static ProxySelector with(Map<String, String> environment) {
    return EnvironmentProxySelector.from(environment::get, DIRECT);
  }

  @Test
  void https_proxy_is_used_for_https_urls() {
    List<Proxy> proxies =
        with(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"))
            .select(URI.create("https://huggingface.co/api/models"));

    assertThat(proxies).hasSize(1);
    assertThat(proxies.get(0).type()).isEqualTo(Proxy.Type.HTTP);
    var address = (InetSocketAddress) proxies.get(0).address();
    assertThat(address.getHostString()).isEqualTo("proxy.corp");
    assertThat(address.getPort()).isEqualTo(3128);
  }

  @Test
  void the_lower_case_variable_wins_and_a_bare_host_port_is_accepted() {
    var address =
        (InetSocketAddress)
            with(Map.of("HTTPS_PROXY", "upper:1", "https_proxy", "lower:2"))
                .select(URI.create("https://huggingface.co/"))
                .get(0)
                .address();

    assertThat(address.getHostString()).isEqualTo("lower");
    assertThat(address.getPort()).isEqualTo(2);
  }

  @Test
  void no_proxy_hosts_and_their_subdomains_go_direct() {
    ProxySelector selector =
        with(Map.of("HTTPS_PROXY", "proxy:3128", "NO_PROXY", "localhost, .hf.co"));

    assertThat(selector.select(URI.create("https://cdn-lfs.hf.co/x")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://localhost/x"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://huggingface.co/x")).get(0).type())
        .isEqualTo(Proxy.Type.HTTP);
  }

  @Test
  void without_variables_the_jvm_selector_decides() {
    assertThat(EnvironmentProxySelector.from(name -> null, DIRECT)).isSameAs(DIRECT);
  }

  @Test
  void a_variable_without_host_is_an_error_naming_it() {
    assertThatThrownBy(() -> with(Map.of("HTTPS_PROXY", "http://:3128")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTPS_PROXY=http://:3128");
  }
}
