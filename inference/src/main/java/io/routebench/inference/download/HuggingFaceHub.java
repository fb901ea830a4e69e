package io.routebench.inference.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The Hugging Face hub as RouteBench talks to it: a repository's file listing from the model API,
 * and single HTTP exchanges for the downloader. Redirects are followed by the callers, hop by hop,
 * so that a token is only ever sent to the hub's own host and never to the CDN it redirects to.
 */
public final class HuggingFaceHub {

  static final int MAX_REDIRECTS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HubSettings settings;
  private final HttpClient client;

  /**
   * @param proxies where connections go through ({@link EnvironmentProxySelector#forThisProcess()})
   */
  public HuggingFaceHub(HubSettings settings, ProxySelector proxies) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(proxies)
            .build();
  }

  public HubSettings settings() {
    return settings;
  }

  /**
   * What a repository holds, with each LFS file's size and SHA-256 ({@code GET
   * /api/models/<repo>?blobs=true}).
   */
  public RepositoryListing list(String repository, BooleanSupplier cancelled)
      throws DownloadFailure {
    URI uri = URI.create(settings.baseUrl() + "/api/models/" + repository + "?blobs=true");
    HttpResponse<InputStream> response = followRedirects(uri, Map.of(), cancelled);
    String body;
    try (InputStream in = response.body()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DownloadFailure(
          DownloadFailure.Reason.INTERRUPTED,
          "The file list of " + repository + " broke off: " + e.getMessage(),
          e);
    }
    if (response.statusCode() != 200) {
      throw httpError("The file list of " + repository, response.statusCode(), response.uri());
    }
    return parseListing(repository, body, response.uri());
  }

  static RepositoryListing parseListing(String repository, String body, URI from)
      throws DownloadFailure {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new DownloadFailure(
          DownloadFailure.Reason.HTTP_ERROR,
          from + " did not answer with the model API's JSON: " + e.getMessage(),
          e);
    }
    JsonNode siblings = root == null ? null : root.get("siblings");
    if (siblings == null || !siblings.isArray()) {
      throw new DownloadFailure(
          DownloadFailure.Reason.HTTP_ERROR,
          from + " answered without a 'siblings' list: is this the Hugging Face model API?");
    }
    var files = new ArrayList<PublishedFile>();
    for (JsonNode sibling : siblings) {
      String name = sibling.path("rfilename").asText("");
      if (name.isEmpty()) {
        continue;
      }
      JsonNode lfs = sibling.path("lfs");
      long size = lfs.path("size").asLong(sibling.path("size").asLong(-1));
      String sha = PublishedFile.normalizeSha256(lfs.path("sha256").asText(null)).orElse(null);
      files.add(new PublishedFile(name, size, sha));
    }
    JsonNode card = root.path("cardData");
    String licence = card.path("license_name").asText(card.path("license").asText(""));
    return new RepositoryListing(
        repository, files, licence.isBlank() ? Optional.empty() : Optional.of(licence));
  }

  /** The download URL of a file at the repository's main branch. */
  public URI resolveUri(String repository, String file) {
    return URI.create(settings.baseUrl() + "/" + repository + "/resolve/main/" + file);
  }

  /** GET with redirects followed; the caller closes the body. */
  HttpResponse<InputStream> followRedirects(
      URI uri, Map<String, String> headers, BooleanSupplier cancelled) throws DownloadFailure {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<InputStream> response = send(current, headers, cancelled);
      Optional<URI> next = redirectTarget(response);
      if (next.isEmpty()) {
        return response;
      }
      closeQuietly(response);
      current = next.get();
    }
    throw new DownloadFailure(
        DownloadFailure.Reason.HTTP_ERROR,
        uri + " redirects more than " + MAX_REDIRECTS + " times");
  }

  /** Where a 3xx answer points, resolved against the URL that answered. */
  static Optional<URI> redirectTarget(HttpResponse<?> response) throws DownloadFailure {
    int status = response.statusCode();
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
      return Optional.empty();
    }
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new DownloadFailure(
                        DownloadFailure.Reason.HTTP_ERROR,
                        response.uri() + " answered HTTP " + status + " without a Location"));
    try {
      return Optional.of(response.uri().resolve(location));
    } catch (IllegalArgumentException e) {
      throw new DownloadFailure(
          DownloadFailure.Reason.HTTP_ERROR,
          response.uri() + " redirects to an invalid URL: " + location,
          e);
    }
  }

  /**
   * One GET, waiting for the answer's headers at most the read timeout; cancellable while it waits.
   */
  HttpResponse<InputStream> send(URI uri, Map<String, String> headers, BooleanSupplier cancelled)
      throws DownloadFailure {
    if (settings.offline()) {
      // Every request passes here, so offline mode cannot leak a connection.
      throw new DownloadFailure(
          DownloadFailure.Reason.OFFLINE,
          HubSettings.OFFLINE_VARIABLE
              + " is set, so "
              + settings.hostLabel()
              + " is not contacted; only a model already downloaded and verified can be used");
    }
    var request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(settings.readTimeout())
            .header("User-Agent", "RouteBench");
    headers.forEach(request::header);
    if (settings.token().isPresent() && sameOrigin(uri, settings.baseUrl())) {
      request.header("Authorization", "Bearer " + settings.token().get());
    }
    CompletableFuture<HttpResponse<InputStream>> future =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try {
      while (true) {
        if (cancelled.getAsBoolean()) {
          future.cancel(true);
          throw new CancellationException("download cancelled");
        }
        try {
          return future.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
          // Check for cancellation again.
        }
      }
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("download interrupted");
    } catch (ExecutionException e) {
      throw connectionFailure(uri, e.getCause());
    }
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private DownloadFailure connectionFailure(URI uri, Throwable cause) {
    String host = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    if (cause instanceof HttpConnectTimeoutException) {
      return new DownloadFailure(
          DownloadFailure.Reason.UNREACHABLE,
          "Cannot reach "
              + host
              + ": no connection within "
              + settings.connectTimeout().toSeconds()
              + " s",
          cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new DownloadFailure(
          DownloadFailure.Reason.INTERRUPTED,
          host + " did not answer within " + seconds(settings.readTimeout().toMillis()),
          cause);
    }
    if (cause instanceof ConnectException
        || cause instanceof UnresolvedAddressException
        || cause instanceof UnknownHostException
        || cause.getCause() instanceof UnresolvedAddressException) {
      return new DownloadFailure(
          DownloadFailure.Reason.UNREACHABLE,
          "Cannot reach " + host + " (" + describe(cause) + ")",
          cause);
    }
    return new DownloadFailure(
        DownloadFailure.Reason.INTERRUPTED,
        "The connection to " + host + " failed: " + describe(cause),
        cause);
  }

  static DownloadFailure httpError(String what, int status, URI uri) {
    String hint =
        switch (status) {
          case 401, 403 -> ": access refused (a gated repository needs a token in HF_TOKEN)";
          case 404 -> ": not found";
          case 429 -> ": too many requests, try again later";
          default -> status >= 500 ? ": the server failed" : "";
        };
    return new DownloadFailure(
        DownloadFailure.Reason.HTTP_ERROR,
        what + " — HTTP " + status + hint + " (" + withoutQuery(uri) + ")");
  }

  /** CDN URLs carry signatures in their query: never show or log those. */
  static String withoutQuery(URI uri) {
    String text = uri.toString();
    int query = text.indexOf('?');
    return query < 0 ? text : text.substring(0, query);
  }

  static String seconds(long millis) {
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  static void closeQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // Nothing more to read from it either way.
    }
  }

  /**
   * A repository's files as the model API lists them.
   *
   * @param licence the licence named by the model card ({@code license_name}, else {@code
   *     license}), if any
   */
  public record RepositoryListing(
      String repository, List<PublishedFile> files, Optional<String> licence) {

    public RepositoryListing {
      files = List.copyOf(files);
    }

    public Optional<PublishedFile> file(String name) {
      return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }
  }
}
