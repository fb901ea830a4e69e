package io.routebench.inference.download;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Hugging Face hub on 127.0.0.1 for tests: the model API's listing, {@code resolve/main/<file>}
 * answering 302 with {@code X-Linked-Etag} / {@code X-Linked-Size} like the real hub, and a second
 * server standing in for the CDN (another port, so another origin) that serves the bytes with
 * {@code Range}, {@code If-Range} and an {@code ETag}. Faults are switched on per test.
 */
public final class LoopbackHub implements AutoCloseable {

  public static final String REPOSITORY = "katanemo/Arch-Router-1.5B.gguf";

  /** One request as the CDN or the hub received it. */
  public record Received(String server, String path, Headers headers) {
    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer hub;
  private final HttpServer cdn;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private volatile String fileName;
  private volatile byte[] content = new byte[0];
  private volatile String etag = "\"v1\"";
  private volatile boolean publishLinkedEtag = true;
  private volatile boolean redirect = true;
  private volatile boolean modelApi = true;
  private volatile int resolveStatus = 0;
  private volatile int cdnStatus = 0;
  private volatile int corruptByteAt = -1;
  private volatile long dropAfterBytes = -1;
  private final AtomicInteger dropsLeft = new AtomicInteger();
  private volatile long stallAfterBytes = -1;
  private volatile boolean stallBeforeHeaders;
  private volatile int chunk = 1 << 14;

  public LoopbackHub() throws IOException {
    hub = server();
    cdn = server();
    hub.createContext("/", this::handleHub);
    cdn.createContext("/", this::handleCdn);
    hub.start();
    cdn.start();
  }

  private HttpServer server() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    return server;
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
  }

  public String cdnOrigin() {
    return "http://127.0.0.1:" + cdn.getAddress().getPort();
  }

  /** Publishes {@code bytes} as {@code name}, with a new ETag each time. */
  public LoopbackHub serving(String name, byte[] bytes, String newEtag) {
    this.fileName = name;
    this.content = bytes.clone();
    this.etag = newEtag;
    return this;
  }

  /** Answers the model API with 404, as a plain file mirror would. */
  public LoopbackHub withoutModelApi() {
    modelApi = false;
    return this;
  }

  public LoopbackHub withoutLinkedEtag() {
    publishLinkedEtag = false;
    return this;
  }

  /** Serves the bytes from the hub itself, as a mirror without a CDN might. */
  public LoopbackHub withoutRedirect() {
    redirect = false;
    return this;
  }

  public LoopbackHub resolveAnswering(int status) {
    resolveStatus = status;
    return this;
  }

  public LoopbackHub cdnAnswering(int status) {
    cdnStatus = status;
    return this;
  }

  /** Sends byte {@code index} wrong (the published hash stays that of the right bytes). */
  public LoopbackHub corruptingByte(int index) {
    corruptByteAt = index;
    return this;
  }

  /** Breaks the connection after {@code bytes} bytes of the body, {@code times} times. */
  public LoopbackHub droppingAfter(long bytes, int times) {
    dropAfterBytes = bytes;
    dropsLeft.set(times);
    return this;
  }

  /** Sends {@code bytes} bytes of the body, then nothing until the test ends. */
  public LoopbackHub stallingAfter(long bytes) {
    stallAfterBytes = bytes;
    return this;
  }

  public LoopbackHub stallingBeforeHeaders() {
    stallBeforeHeaders = true;
    return this;
  }

  public LoopbackHub inChunksOf(int bytes) {
    chunk = bytes;
    return this;
  }

  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The model API's answer: what the real one says, trimmed to the fields RouteBench reads. */
  public String listingJson() {
    return """
        {"id":"%s","cardData":{"license":"other","license_name":"katanemo-research"},
         "siblings":[
          {"rfilename":".gitattributes","size":1570},
          {"rfilename":"README.md","size":3000},
          {"rfilename":"Arch-Router-1.5B-Q8_0.gguf","size":1646572000,
           "lfs":{"sha256":"%s","size":1646572000,"pointerSize":135}},
          {"rfilename":"%s","size":%d,"lfs":{"sha256":"%s","size":%d,"pointerSize":134}}
         ]}
        """
        .formatted(REPOSITORY, "ab".repeat(32), fileName, content.length, sha256(), content.length);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> cdnRequests() {
    return received.stream().filter(r -> r.server().equals("cdn")).toList();
  }

  private void handleHub(HttpExchange exchange) throws IOException {
    received.add(new Received("hub", exchange.getRequestURI().toString(), copy(exchange)));
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (modelApi && path.equals("/api/models/" + REPOSITORY)) {
        byte[] body = listingJson().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      if (!path.equals("/" + REPOSITORY + "/resolve/main/" + fileName)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (stallBeforeHeaders) {
        awaitClosing();
        return;
      }
      if (resolveStatus != 0) {
        exchange.sendResponseHeaders(resolveStatus, -1);
        return;
      }
      if (publishLinkedEtag) {
        exchange.getResponseHeaders().set("X-Linked-Etag", "\"" + sha256() + "\"");
        exchange.getResponseHeaders().set("X-Linked-Size", Long.toString(content.length));
      }
      if (redirect) {
        exchange
            .getResponseHeaders()
            .set("Location", cdnOrigin() + "/blobs/" + fileName + "?signature=secret");
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      serveBytes(exchange);
    }
  }

  private void handleCdn(HttpExchange exchange) throws IOException {
    received.add(new Received("cdn", exchange.getRequestURI().toString(), copy(exchange)));
    try (exchange) {
      if (cdnStatus != 0) {
        exchange.sendResponseHeaders(cdnStatus, -1);
        return;
      }
      serveBytes(exchange);
    }
  }

  private void serveBytes(HttpExchange exchange) throws IOException {
    byte[] bytes = content;
    long start = 0;
    String range = exchange.getRequestHeaders().getFirst("Range");
    String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
    boolean rangeApplies = range != null && (ifRange == null || ifRange.equals(etag));
    if (rangeApplies) {
      start = Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
      if (start >= bytes.length) {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
        exchange.sendResponseHeaders(416, -1);
        return;
      }
      exchange
          .getResponseHeaders()
          .set("Content-Range", "bytes " + start + "-" + (bytes.length - 1) + "/" + bytes.length);
    }
    exchange.getResponseHeaders().set("ETag", etag);
    exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    long length = bytes.length - start;
    exchange.sendResponseHeaders(rangeApplies ? 206 : 200, length);
    OutputStream out = exchange.getResponseBody();
    long sent = 0;
    boolean drop = dropAfterBytes >= 0 && dropsLeft.getAndDecrement() > 0;
    for (long at = start; at < bytes.length; ) {
      if (drop && sent >= dropAfterBytes) {
        // Fewer bytes than announced: the server closes the connection mid-body.
        return;
      }
      if (stallAfterBytes >= 0 && sent >= stallAfterBytes) {
        out.flush();
        awaitClosing();
        return;
      }
      int n = (int) Math.min(chunk, bytes.length - at);
      if (drop) {
        n = (int) Math.min(n, Math.max(1, dropAfterBytes - sent));
      }
      if (stallAfterBytes >= 0) {
        n = (int) Math.min(n, Math.max(1, stallAfterBytes - sent));
      }
      byte[] piece = java.util.Arrays.copyOfRange(bytes, (int) at, (int) at + n);
      if (corruptByteAt >= at && corruptByteAt < at + n) {
        piece[(int) (corruptByteAt - at)] ^= 0x5a;
      }
      out.write(piece);
      out.flush();
      at += n;
      sent += n;
    }
  }

  private void awaitClosing() {
    try {
      closing.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Headers copy(HttpExchange exchange) {
    var headers = new Headers();
    headers.putAll(exchange.getRequestHeaders());
    return headers;
  }

  @Override
  public void close() {
    closing.countDown();
    hub.stop(0);
    cdn.stop(0);
    threads.shutdownNow();
  }
}
