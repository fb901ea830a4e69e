package io.routebench.app.tasks;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code prefix-N}, so a thread dump says what each one is for and no worker
 * keeps the JVM alive after the window closes.
 */
public final class NamedThreadFactory implements ThreadFactory {

  private final String prefix;
  private final Thread.UncaughtExceptionHandler uncaughtExceptions;
  private final AtomicInteger counter = new AtomicInteger();

  public NamedThreadFactory(String prefix, Thread.UncaughtExceptionHandler uncaughtExceptions) {
    this.prefix = prefix;
    this.uncaughtExceptions = uncaughtExceptions;
  }

  @Override
  public Thread newThread(Runnable runnable) {
    Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler(uncaughtExceptions);
    return thread;
  }
}
