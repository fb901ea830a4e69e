package io.routebench.storage.repository;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that is making a run, written beside a {@code RUNNING} run as {@code
 * host/pid/start-millis}, so that a later reader can tell a run still in progress from one whose
 * process died: the pid alone could have been reused by another process since, its start time tells
 * them apart.
 */
record RunOwner(String host, long pid, long startMillis) {

  private static final RunOwner CURRENT = current();

  static RunOwner thisProcess() {
    return CURRENT;
  }

  String encoded() {
    return host + "/" + pid + "/" + startMillis;
  }

  static Optional<RunOwner> decode(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    int last = stored.lastIndexOf('/');
    int middle = last < 0 ? -1 : stored.lastIndexOf('/', last - 1);
    if (middle < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new RunOwner(
              stored.substring(0, middle),
              Long.parseLong(stored.substring(middle + 1, last)),
              Long.parseLong(stored.substring(last + 1))));
    } catch (NumberFormatException e) {
      // Not written by this class (a damaged or foreign value): like a missing owner, a RUNNING
      // run is then shown as interrupted, which the user can resume.
      return Optional.empty();
    }
  }

  /**
   * Whether the owning process may still be running. A process on another machine (a workspace on a
   * network share) cannot be checked, so it counts as alive: a run is only called interrupted when
   * that is certain.
   */
  boolean mayBeAlive() {
    if (!host.equals(CURRENT.host)) {
      return true;
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(process -> startMillisOf(process).map(start -> start == startMillis).orElse(true))
        .orElse(false);
  }

  private static RunOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new RunOwner(hostName(), self.pid(), startMillisOf(self).orElse(0L));
  }

  private static Optional<Long> startMillisOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli);
  }

  /** The machine's name, read without a DNS look-up where the system allows (Linux, Windows). */
  private static String hostName() {
    String windows = System.getenv("COMPUTERNAME");
    if (windows != null && !windows.isBlank()) {
      return windows.strip();
    }
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | RuntimeException notLinux) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "localhost";
      }
    }
  }
}
