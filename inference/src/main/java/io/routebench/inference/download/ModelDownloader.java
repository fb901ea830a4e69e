package io.routebench.inference.download;

import io.routebench.inference.download.DownloadFailure.Reason;
import io.routebench.inference.download.DownloadProgress.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one file of a Hugging Face repository into a folder, resumably and verified.
 *
 * <ul>
 *   <li>Bytes go to {@code <file>.part}; beside it {@code <file>.part.properties} records the
 *       SHA-256 and {@code ETag} the part belongs to. A later download (after a broken connection,
 *       a cancel or a restart of RouteBench) asks only for the missing bytes ({@code Range}, with
 *       {@code If-Range} so the server sends the whole file instead when it changed), and starts
 *       over when the published SHA-256 is no longer the one the part belongs to.
 *   <li>The SHA-256 is taken from the model API's listing or the resolve answer's {@code
 *       X-Linked-Etag}; a file without one is not downloaded. The digest runs over every byte as it
 *       arrives (and over the resumed part first). A mismatch deletes the part. Only a verified
 *       file is moved to its final name, so a file there is always complete.
 *   <li>A server that stays silent for the read timeout, or a connection that breaks, is tried
 *       again (resuming) up to the configured number of attempts.
 * </ul>
 */
public final class ModelDownloader {

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int BUFFER = 1 << 16;
  private static final int MAX_STARTS_OVER = 3;

  /** Free bytes on the file store of a folder; injectable so tests can run out of disk. */
  @FunctionalInterface
  public interface UsableSpace {
    long of(Path directory) throws IOException;
  }

  /**
   * What to download.
   *
   * @param repository e.g. {@code katanemo/Arch-Router-1.5B.gguf}
   * @param published the file as the model API lists it (name, size, SHA-256); a file known only by
   *     name ({@code new PublishedFile(name, -1, null)}) takes its SHA-256 from the download's
   *     {@code X-Linked-Etag}
   * @param directory where the file lands (created if missing)
   */
  public record Request(String repository, PublishedFile published, Path directory) {
    public Request {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(published, "published");
      Objects.requireNonNull(directory, "directory");
    }

    public Path target() {
      return directory.resolve(published.name());
    }
  }

  /**
   * A verified file.
   *
   * @param transferred bytes received in this run (0 when the file was already there)
   * @param resumedFrom bytes a previous run had already downloaded
   * @param alreadyPresent the file was there and verified: nothing was downloaded
   */
  public record Downloaded(
      Path file,
      String sha256,
      long size,
      long transferred,
      long resumedFrom,
      boolean alreadyPresent) {}

  private final HuggingFaceHub hub;
  private final UsableSpace usableSpace;
  private final LongSupplier clock;

  public ModelDownloader(HuggingFaceHub hub) {
    this(hub, dir -> Files.getFileStore(dir).getUsableSpace(), System::nanoTime);
  }

  public ModelDownloader(HuggingFaceHub hub, UsableSpace usableSpace, LongSupplier clock) {
    this.hub = Objects.requireNonNull(hub, "hub");
    this.usableSpace = Objects.requireNonNull(usableSpace, "usableSpace");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Downloads and verifies the file, resuming a part left by an earlier run.
   *
   * @param cancelled polled while waiting and between reads; a cancelled download keeps its part
   * @throws CancellationException when {@code cancelled} turned true (or the thread was
   *     interrupted)
   */
  public Downloaded download(Request request, DownloadListener listener, BooleanSupplier cancelled)
      throws DownloadFailure {
    Path target = request.target();
    try {
      Files.createDirectories(request.directory());
    } catch (IOException e) {
      throw new DownloadFailure(
          Reason.LOCAL_IO, "Cannot create the model folder " + request.directory() + ": " + e, e);
    }
    // Two downloads of one file (the workbench and `model get`) would write one part file.
    Path lockFile = target.resolveSibling(target.getFileName() + ".part.lock");
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel, lockFile);
      try {
        Downloaded downloaded = downloadLocked(request, listener, cancelled);
        recordVerified(downloaded);
        return downloaded;
      } finally {
        // Only the holder removes it, still holding the lock.
        Files.deleteIfExists(lockFile);
        lock.release();
      }
    } catch (DownloadFailure failure) {
      throw failure;
    } catch (IOException e) {
      throw new DownloadFailure(Reason.LOCAL_IO, "Cannot lock " + lockFile + ": " + e, e);
    }
  }

  /**
   * The file at {@code target} if an earlier download verified it and its bytes still have the
   * SHA-256 recorded then ({@code <file>.sha256}, in {@code sha256sum} format): checked on this
   * machine alone, so a cached model works without the network ({@code HF_HUB_OFFLINE=1}, a hub
   * that is down, a CI runner behind a firewall). Empty when there is no such file or record, or
   * the bytes changed since.
   */
  public Optional<Downloaded> verifiedCopy(
      Path target, DownloadListener listener, BooleanSupplier cancelled) throws DownloadFailure {
    Path record = verifiedRecord(target);
    if (!Files.isRegularFile(target) || !Files.isRegularFile(record)) {
      return Optional.empty();
    }
    Optional<String> sha256;
    long size;
    try {
      String line = Files.readString(record).strip();
      int space = line.indexOf(' ');
      sha256 = PublishedFile.normalizeSha256(space < 0 ? line : line.substring(0, space));
      size = Files.size(target);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (sha256.isEmpty()) {
      return Optional.empty();
    }
    var request =
        new Request(
            "(on this machine)",
            new PublishedFile(target.getFileName().toString(), size, sha256.get()),
            target.toAbsolutePath().getParent());
    return new Run(request, listener, cancelled, new PartialDownload(target)).alreadyPresent();
  }

  /** {@code <file>.sha256} beside a verified download. */
  public static Path verifiedRecord(Path target) {
    return target.resolveSibling(target.getFileName() + ".sha256");
  }

  /**
   * Remembers that the file was verified, so {@link #verifiedCopy} can use it offline. A record
   * that cannot be written costs only that: the next run asks the hub again.
   */
  private static void recordVerified(Downloaded downloaded) {
    try {
      Files.writeString(
          verifiedRecord(downloaded.file()),
          downloaded.sha256() + "  " + downloaded.file().getFileName() + "\n");
    } catch (IOException e) {
      // Deliberately ignored: see above.
    }
  }

  private static FileLock tryLock(FileChannel channel, Path lockFile) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new DownloadFailure(
          Reason.LOCAL_IO,
          "Another download of "
              + lockFile.getFileName().toString().replace(".part.lock", "")
              + " into "
              + lockFile.getParent()
              + " is running; wait for it or cancel it");
    }
    return lock;
  }

  private Downloaded downloadLocked(
      Request request, DownloadListener listener, BooleanSupplier cancelled)
      throws DownloadFailure {
    Path target = request.target();
    var run = new Run(request, listener, cancelled, new PartialDownload(target));
    Optional<Downloaded> present = run.alreadyPresent();
    if (present.isPresent()) {
      return present.get();
    }
    run.discardPartOfAnotherFile(request.published().sha256());
    int attempts = hub.settings().attempts();
    int startsOver = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        return run.attempt();
      } catch (Retryable retryable) {
        if (retryable.startOver && startsOver++ < MAX_STARTS_OVER) {
          // Not a failure of the connection: the remote file differs from the part. Go again.
          attempt--;
          continue;
        }
        if (attempt >= attempts || !run.mayRetry(retryable)) {
          throw new DownloadFailure(
              retryable.reason,
              retryable.getMessage()
                  + (attempt > 1 ? " (gave up after " + attempt + " attempts)" : "")
                  + ". "
                  + run.partial.keptAdvice(),
              retryable.getCause());
        }
        Duration wait = hub.settings().retryDelay().multipliedBy(1L << Math.min(attempt - 1, 5));
        listener.notice(
            retryable.getMessage()
                + "; trying again"
                + (wait.isZero() ? "" : " in " + HuggingFaceHub.seconds(wait.toMillis()))
                + " (attempt "
                + (attempt + 1)
                + " of "
                + attempts
                + ")");
        run.pause(wait);
      }
    }
  }

  /** A transfer problem worth another attempt (resuming), or a reason to start over at once. */
  private static final class Retryable extends Exception {
    final Reason reason;
    final boolean startOver;

    Retryable(Reason reason, String message, Throwable cause, boolean startOver) {
      super(message, cause);
      this.reason = reason;
      this.startOver = startOver;
    }
  }

  /** One call of {@link #download}: its request, its listener and what it has learnt. */
  private final class Run {
    private final Request request;
    private final DownloadListener listener;
    private final BooleanSupplier cancelled;
    private final PartialDownload partial;
    private final TransferRate rate = new TransferRate(clock);
    private long transferredThisRun;
    private long resumedFrom = -1;

    Run(
        Request request,
        DownloadListener listener,
        BooleanSupplier cancelled,
        PartialDownload partial) {
      this.request = request;
      this.listener = listener;
      this.cancelled = cancelled;
      this.partial = partial;
    }

    /** A file already at the target with the published SHA-256 needs no download. */
    Optional<Downloaded> alreadyPresent() throws DownloadFailure {
      Path target = request.target();
      Optional<String> expected = request.published().publishedSha256();
      if (!Files.isRegularFile(target) || expected.isEmpty()) {
        return Optional.empty();
      }
      try {
        long size = Files.size(target);
        if (request.published().size() >= 0 && size != request.published().size()) {
          return Optional.empty();
        }
        MessageDigest digest = sha256();
        hashPrefix(target, size, digest, Phase.CHECKING_PARTIAL);
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected.get())) {
          return Optional.empty();
        }
        listener.progress(new DownloadProgress(Phase.VERIFIED, size, size, 0, Optional.empty()));
        return Optional.of(new Downloaded(target, actual, size, 0, 0, true));
      } catch (IOException e) {
        throw new DownloadFailure(Reason.LOCAL_IO, "Cannot read " + target + ": " + e, e);
      }
    }

    void discardPartOfAnotherFile(String expectedSha) throws DownloadFailure {
      try {
        Optional<PartialDownload.Origin> origin = partial.origin();
        boolean orphan = origin.isEmpty() && Files.exists(partial.part());
        boolean other =
            origin.isPresent() && expectedSha != null && !origin.get().sha256().equals(expectedSha);
        if (orphan || other) {
          if (other) {
            listener.notice(
                "The published "
                    + request.published().name()
                    + " changed since the partial download: starting over");
          }
          partial.discard();
        }
      } catch (IOException e) {
        throw new DownloadFailure(
            Reason.LOCAL_IO, "Cannot read the partial download " + partial.part() + ": " + e, e);
      }
    }

    /** A connection that never got anywhere in this run is not worth waiting for again. */
    boolean mayRetry(Retryable retryable) {
      return retryable.reason != Reason.UNREACHABLE || transferredThisRun > 0;
    }

    void pause(Duration wait) {
      long end = clock.getAsLong() + wait.toNanos();
      try {
        while (clock.getAsLong() < end) {
          checkCancelled();
          Thread.sleep(Math.min(100, Math.max(1, (end - clock.getAsLong()) / 1_000_000)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("download interrupted");
      }
      checkCancelled();
    }

    Downloaded attempt() throws DownloadFailure, Retryable {
      checkCancelled();
      Optional<PartialDownload.Origin> origin = readOrigin();
      long have = origin.isPresent() ? bytesOnDisk() : 0;
      if (resumedFrom < 0) {
        resumedFrom = have;
      }
      listener.progress(
          new DownloadProgress(
              Phase.CONNECTING, have, request.published().size(), 0, Optional.empty()));
      var headers = new LinkedHashMap<String, String>();
      if (have > 0) {
        headers.put("Range", "bytes=" + have + "-");
        String etag = origin.get().etag();
        if (!etag.isEmpty() && !etag.startsWith("W/")) {
          headers.put("If-Range", etag);
        }
      }

      // Redirects by hand: the hub's hop carries X-Linked-Etag (the SHA-256 of what the CDN will
      // send), and a token must not follow us to the CDN.
      URI uri = hub.resolveUri(request.repository(), request.published().name());
      Optional<String> linkedSha = Optional.empty();
      OptionalLong linkedSize = OptionalLong.empty();
      HttpResponse<InputStream> response = null;
      for (int hop = 0; hop <= HuggingFaceHub.MAX_REDIRECTS; hop++) {
        response = send(uri, headers);
        var hopHeaders = response.headers();
        Optional<String> hopSha =
            hopHeaders.firstValue("X-Linked-Etag").flatMap(PublishedFile::normalizeSha256);
        if (hopSha.isPresent()) {
          linkedSha = hopSha;
        }
        OptionalLong hopSize = parseLong(hopHeaders.firstValue("X-Linked-Size"));
        if (hopSize.isPresent()) {
          linkedSize = hopSize;
        }
        if (have > 0 && linkedSha.isPresent() && !linkedSha.get().equals(origin.get().sha256())) {
          listener.notice(
              "The published "
                  + request.published().name()
                  + " changed since the partial download: starting over");
          discard();
          have = 0;
          headers.clear();
        }
        Optional<URI> next;
        try {
          next = HuggingFaceHub.redirectTarget(response);
        } catch (DownloadFailure e) {
          HuggingFaceHub.closeQuietly(response);
          throw e;
        }
        if (next.isEmpty()) {
          break;
        }
        HuggingFaceHub.closeQuietly(response);
        if (hop == HuggingFaceHub.MAX_REDIRECTS) {
          throw new DownloadFailure(
              Reason.HTTP_ERROR,
              request.published().name() + " redirects more than " + hop + " times");
        }
        uri = next.get();
      }
      try {
        return receive(response, have, origin, linkedSha, linkedSize);
      } finally {
        HuggingFaceHub.closeQuietly(response);
      }
    }

    private Downloaded receive(
        HttpResponse<InputStream> response,
        long have,
        Optional<PartialDownload.Origin> origin,
        Optional<String> linkedSha,
        OptionalLong linkedSize)
        throws DownloadFailure, Retryable {
      int status = response.statusCode();
      String name = request.published().name();
      String server = host(response.uri());
      if (status == 416 && have > 0) {
        // The part is as long as the file or longer: it cannot be continued, only redone.
        discard();
        throw new Retryable(Reason.HTTP_ERROR, "range not satisfiable", null, true);
      }
      if (status == 429 || status >= 500) {
        throw new Retryable(
            Reason.HTTP_ERROR,
            HuggingFaceHub.httpError("Downloading " + name, status, response.uri()).getMessage(),
            null,
            false);
      }
      if (status != 200 && status != 206) {
        throw HuggingFaceHub.httpError("Downloading " + name, status, response.uri());
      }

      String expected =
          linkedSha
              .or(() -> request.published().publishedSha256())
              .orElseThrow(
                  () ->
                      new DownloadFailure(
                          Reason.NOT_VERIFIABLE,
                          server
                              + " publishes no SHA-256 for "
                              + name
                              + " (no LFS hash in the listing, no X-Linked-Etag), so it could"
                              + " not be verified; RouteBench does not download unverifiable"
                              + " models"));
      if (have > 0 && !expected.equals(origin.get().sha256())) {
        discard();
        throw new Retryable(Reason.HTTP_ERROR, "the remote file changed", null, true);
      }

      long start = 0;
      long total;
      OptionalLong contentLength = parseLong(response.headers().firstValue("Content-Length"));
      if (status == 206) {
        Matcher range =
            CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
        if (!range.matches() || Long.parseLong(range.group(1)) != have) {
          // Not the bytes we asked for: continuing would corrupt the part.
          discard();
          throw new Retryable(Reason.HTTP_ERROR, "unexpected range", null, true);
        }
        start = have;
        total =
            range.group(3).equals("*")
                ? linkedSize.orElse(request.published().size())
                : Long.parseLong(range.group(3));
      } else {
        if (have > 0) {
          listener.notice(
              server + " sent the whole of " + name + " again (it changed, or ignores Range)");
        }
        total =
            contentLength.isPresent()
                ? contentLength.getAsLong()
                : linkedSize.orElse(request.published().size());
      }
      long remaining = total >= 0 ? total - start : -1;
      checkSpace(remaining);

      String etag = response.headers().firstValue("ETag").orElse("");
      MessageDigest digest = sha256();
      try {
        partial.describe(new PartialDownload.Origin(expected, etag, total));
        if (start > 0) {
          hashPrefix(partial.part(), start, digest, Phase.CHECKING_PARTIAL);
        }
      } catch (IOException e) {
        throw new DownloadFailure(
            Reason.LOCAL_IO, "Cannot use the partial download " + partial.part() + ": " + e, e);
      }

      long done = stream(response, start, total, digest, server);
      if (total >= 0 && done != total) {
        throw new Retryable(
            Reason.INTERRUPTED,
            "The connection to "
                + server
                + " closed after "
                + megabytes(done)
                + " of "
                + megabytes(total),
            null,
            false);
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(expected)) {
        discard();
        throw new DownloadFailure(
            Reason.HASH_MISMATCH,
            "The downloaded "
                + name
                + " is damaged: its SHA-256 is "
                + actual
                + ", but Hugging Face publishes "
                + expected
                + ". The partial download was deleted and nothing was installed; try again.");
      }
      Path target = request.target();
      try {
        move(partial.part(), target);
        partial.forgetDescription();
      } catch (IOException e) {
        throw new DownloadFailure(
            Reason.LOCAL_IO, "Cannot move the verified download to " + target + ": " + e, e);
      }
      listener.progress(new DownloadProgress(Phase.VERIFIED, done, done, 0, Optional.empty()));
      return new Downloaded(target, actual, done, transferredThisRun, resumedFrom, false);
    }

    /** Appends the body to the part, digesting it; returns the bytes now in the part. */
    private long stream(
        HttpResponse<InputStream> response,
        long start,
        long total,
        MessageDigest digest,
        String server)
        throws DownloadFailure, Retryable {
      long readTimeoutNanos = hub.settings().readTimeout().toNanos();
      AtomicLong lastData = new AtomicLong(clock.getAsLong());
      AtomicBoolean stalled = new AtomicBoolean();
      InputStream in = response.body();
      ScheduledExecutorService watchdog =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("routebench-download-watchdog").daemon().factory());
      // A read blocked on a silent server (or a cancel) is ended by closing the stream.
      watchdog.scheduleWithFixedDelay(
          () -> {
            boolean silent = clock.getAsLong() - lastData.get() > readTimeoutNanos;
            if (silent || cancelled.getAsBoolean()) {
              stalled.set(silent);
              HuggingFaceHub.closeQuietly(response);
            }
          },
          50,
          50,
          TimeUnit.MILLISECONDS);
      long done = start;
      long lastReport = 0;
      var options =
          start > 0
              ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
              : new StandardOpenOption[] {
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE
              };
      try (OutputStream out = Files.newOutputStream(partial.part(), options)) {
        byte[] buffer = new byte[BUFFER];
        rate.record(done);
        while (true) {
          int read;
          try {
            read = in.read(buffer);
          } catch (IOException e) {
            checkCancelled();
            if (stalled.get()) {
              throw new Retryable(
                  Reason.INTERRUPTED,
                  server
                      + " sent nothing for "
                      + HuggingFaceHub.seconds(hub.settings().readTimeout().toMillis())
                      + " after "
                      + megabytes(done),
                  e,
                  false);
            }
            throw new Retryable(
                Reason.INTERRUPTED,
                "The connection to "
                    + server
                    + " broke after "
                    + megabytes(done)
                    + " ("
                    + HuggingFaceHub.describe(e)
                    + ")",
                e,
                false);
          }
          if (read < 0) {
            break;
          }
          lastData.set(clock.getAsLong());
          try {
            out.write(buffer, 0, read);
          } catch (IOException e) {
            checkCancelled();
            throw writeFailure(e, done);
          }
          digest.update(buffer, 0, read);
          done += read;
          transferredThisRun += read;
          long now = clock.getAsLong();
          if (now - lastReport >= PROGRESS_INTERVAL_NANOS) {
            lastReport = now;
            rate.record(done);
            listener.progress(
                new DownloadProgress(
                    Phase.DOWNLOADING,
                    done,
                    total,
                    rate.bytesPerSecond(),
                    total >= 0 ? rate.eta(total - done) : Optional.empty()));
          }
          checkCancelled();
        }
      } catch (DownloadFailure failure) {
        // Already worded (a failed write inside the loop): wrapping it again repeated the path.
        throw failure;
      } catch (IOException e) {
        checkCancelled();
        throw writeFailure(e, done);
      } finally {
        watchdog.shutdownNow();
      }
      rate.record(done);
      listener.progress(
          new DownloadProgress(
              Phase.DOWNLOADING,
              done,
              total,
              rate.bytesPerSecond(),
              done == total ? Optional.of(Duration.ZERO) : Optional.empty()));
      return done;
    }

    /**
     * Writing the part failed (a full disk, mostly): says so once, and where the bytes so far are
     * kept and how to resume or discard them.
     */
    private DownloadFailure writeFailure(IOException e, long done) {
      String reason =
          e instanceof java.nio.file.FileSystemException fileSystem
                  && fileSystem.getReason() != null
              ? fileSystem.getReason()
              : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      boolean full = reason.toLowerCase(Locale.ROOT).contains("no space");
      return new DownloadFailure(
          full ? Reason.NO_SPACE : Reason.LOCAL_IO,
          (full ? "The disk is full" : "Cannot write the download")
              + " ("
              + reason
              + ") after "
              + megabytes(done)
              + ". "
              + (full ? "Free some space or choose another folder. " : "")
              + partial.keptAdvice(),
          e);
    }

    private HttpResponse<InputStream> send(URI uri, Map<String, String> headers)
        throws Retryable, DownloadFailure {
      try {
        return hub.send(uri, headers, cancelled);
      } catch (DownloadFailure e) {
        if (e.reason() == Reason.INTERRUPTED || e.reason() == Reason.UNREACHABLE) {
          throw new Retryable(e.reason(), e.getMessage(), e.getCause(), false);
        }
        throw e;
      }
    }

    private void checkSpace(long remaining) throws DownloadFailure {
      if (remaining <= 0) {
        return;
      }
      long free;
      try {
        free = usableSpace.of(request.directory());
      } catch (IOException e) {
        return; // The write itself will say so if the disk is full.
      }
      if (free < remaining) {
        throw new DownloadFailure(
            Reason.NO_SPACE,
            request.published().name()
                + " needs "
                + megabytes(remaining)
                + " more, but only "
                + megabytes(free)
                + " are free in "
                + request.directory()
                + ". Free some space or choose another folder.");
      }
    }

    private void hashPrefix(Path file, long length, MessageDigest digest, Phase phase)
        throws IOException {
      byte[] buffer = new byte[1 << 20];
      long hashed = 0;
      long lastReport = 0;
      try (InputStream in = Files.newInputStream(file)) {
        while (hashed < length) {
          int read = in.read(buffer, 0, (int) Math.min(buffer.length, length - hashed));
          if (read < 0) {
            throw new IOException(file + " is shorter than " + length + " bytes");
          }
          digest.update(buffer, 0, read);
          hashed += read;
          long now = clock.getAsLong();
          if (now - lastReport >= PROGRESS_INTERVAL_NANOS) {
            lastReport = now;
            listener.progress(new DownloadProgress(phase, hashed, length, 0, Optional.empty()));
          }
          checkCancelled();
        }
      }
    }

    private Optional<PartialDownload.Origin> readOrigin() throws DownloadFailure {
      try {
        return partial.origin();
      } catch (IOException e) {
        throw new DownloadFailure(
            Reason.LOCAL_IO, "Cannot read the partial download " + partial.part() + ": " + e, e);
      }
    }

    private long bytesOnDisk() throws DownloadFailure {
      try {
        return partial.bytesOnDisk();
      } catch (IOException e) {
        throw new DownloadFailure(Reason.LOCAL_IO, "Cannot read " + partial.part() + ": " + e, e);
      }
    }

    private void discard() throws DownloadFailure {
      try {
        partial.discard();
      } catch (IOException e) {
        throw new DownloadFailure(
            Reason.LOCAL_IO, "Cannot delete the partial download " + partial.part() + ": " + e, e);
      }
    }

    private void checkCancelled() {
      if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
        throw new CancellationException("download cancelled");
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static OptionalLong parseLong(Optional<String> text) {
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.get().strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static String host(URI uri) {
    return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
  }

  static String megabytes(long bytes) {
    if (bytes < 1_000_000) {
      return bytes + " bytes";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
