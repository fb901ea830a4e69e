package io.routebench.inference.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The proxy named by the {@code HTTPS_PROXY} / {@code HTTP_PROXY} environment variables (either
 * case), as curl, pip and the Hugging Face CLI read them, with {@code NO_PROXY} exceptions. Java
 * itself ignores these variables; without them the JVM's own selector applies ({@code
 * -Dhttps.proxyHost=…}, or the desktop's settings with {@code -Djava.net.useSystemProxies=true}).
 */
public final class EnvironmentProxySelector extends ProxySelector {

  private final Optional<InetSocketAddress> httpsProxy;
  private final Optional<InetSocketAddress> httpProxy;
  private final List<String> noProxy;
  private final ProxySelector fallback;

  private EnvironmentProxySelector(
      Optional<InetSocketAddress> httpsProxy,
      Optional<InetSocketAddress> httpProxy,
      List<String> noProxy,
      ProxySelector fallback) {
    this.httpsProxy = httpsProxy;
    this.httpProxy = httpProxy;
    this.noProxy = noProxy;
    this.fallback = fallback;
  }

  /** The selector for this process: its environment first, then the JVM's default selector. */
  public static ProxySelector forThisProcess() {
    return from(System::getenv, ProxySelector.getDefault());
  }

  /**
   * @param environment variables by name ({@code null} when unset)
   * @param fallback used for URIs the environment names no proxy for; may be {@code null}
   * @throws IllegalArgumentException when a proxy variable is not a {@code host:port} or URL
   */
  public static ProxySelector from(UnaryOperator<String> environment, ProxySelector fallback) {
    var https = proxyAddress(environment, "HTTPS_PROXY");
    var http = proxyAddress(environment, "HTTP_PROXY");
    if (https.isEmpty() && http.isEmpty()) {
      return fallback != null ? fallback : ProxySelector.of(null);
    }
    String noProxyText = variable(environment, "NO_PROXY");
    List<String> noProxy =
        noProxyText == null
            ? List.of()
            : Arrays.stream(noProxyText.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    return new EnvironmentProxySelector(https, http, noProxy, fallback);
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    Optional<InetSocketAddress> proxy =
        "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
    if (proxy.isEmpty() || excluded(host)) {
      return fallback != null ? fallback.select(uri) : List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy.get()));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    if (fallback != null) {
      fallback.connectFailed(uri, address, failure);
    }
  }

  private boolean excluded(String host) {
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String suffix = entry.startsWith(".") ? entry.substring(1) : entry;
      if (host.equals(suffix) || host.endsWith("." + suffix)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<InetSocketAddress> proxyAddress(
      UnaryOperator<String> environment, String name) {
    String value = variable(environment, name);
    if (value == null) {
      return Optional.empty();
    }
    String text = value.contains("://") ? value : "http://" + value;
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + "=" + value + " is not a proxy URL", e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          name + "=" + value + " names no host (expected e.g. http://proxy.example:3128)");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), port));
  }

  /** Lower case wins, as in curl: {@code https_proxy} before {@code HTTPS_PROXY}. */
  private static String variable(UnaryOperator<String> environment, String name) {
    for (String candidate : List.of(name.toLowerCase(Locale.ROOT), name)) {
      String value = environment.apply(candidate);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
