package io.routebench.inference.llama;

import io.routebench.inference.gguf.GgufModelInfo;
import java.time.Duration;

/**
 * How long and how much memory the separate process that loads a GGUF file for the first time
 * ({@link FirstLoadCheck}) may take before RouteBench stops it and refuses the file.
 *
 * <p>The chat template gets its own, tight limits: rendering one short conversation takes
 * milliseconds and a few kilobytes for every real template, so a template that needs seconds or a
 * gigabyte is hostile. Loading the weights gets limits that grow with the file, as a real load does
 * (the file is mapped into memory, the KV cache grows with the context).
 *
 * @param startTime until the process has started and read the header
 * @param templateTime to render the chat template (on a tiny stand-in model)
 * @param templateMemoryBytes by which the process may grow while it renders the template
 * @param loadTime to load the weights, plus {@code loadTimePerGigabyte} per GB of file
 * @param processMemoryBytes the whole process's address space, plus the file's size and its KV
 *     cache (Linux: {@code ulimit -v}); a backstop against a sudden allocation
 */
public record LoadCheckLimits(
    Duration startTime,
    Duration templateTime,
    long templateMemoryBytes,
    Duration loadTime,
    Duration loadTimePerGigabyte,
    long processMemoryBytes) {

  static final String TEMPLATE_SECONDS_PROPERTY = "routebench.loadCheck.templateSeconds";
  static final String TEMPLATE_MEGABYTES_PROPERTY = "routebench.loadCheck.templateMegabytes";
  static final String LOAD_SECONDS_PROPERTY = "routebench.loadCheck.loadSeconds";

  private static final long MB = 1L << 20;

  public static LoadCheckLimits defaults() {
    return new LoadCheckLimits(
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        1024 * MB,
        Duration.ofSeconds(120),
        Duration.ofSeconds(30),
        4096 * MB);
  }

  /**
   * The defaults, with the template's time and memory and the base load time taken from the system
   * properties {@value #TEMPLATE_SECONDS_PROPERTY}, {@value #TEMPLATE_MEGABYTES_PROPERTY} and
   * {@value #LOAD_SECONDS_PROPERTY} where set (a slow disk; a test).
   */
  public static LoadCheckLimits fromSystemProperties() {
    LoadCheckLimits limits = defaults();
    return new LoadCheckLimits(
        limits.startTime,
        Duration.ofSeconds(
            longProperty(TEMPLATE_SECONDS_PROPERTY, limits.templateTime.toSeconds())),
        longProperty(TEMPLATE_MEGABYTES_PROPERTY, limits.templateMemoryBytes / MB) * MB,
        Duration.ofSeconds(longProperty(LOAD_SECONDS_PROPERTY, limits.loadTime.toSeconds())),
        limits.loadTimePerGigabyte,
        limits.processMemoryBytes);
  }

  public LoadCheckLimits withTemplateTime(Duration time) {
    return new LoadCheckLimits(
        startTime, time, templateMemoryBytes, loadTime, loadTimePerGigabyte, processMemoryBytes);
  }

  public LoadCheckLimits withTemplateMemory(long bytes) {
    return new LoadCheckLimits(
        startTime, templateTime, bytes, loadTime, loadTimePerGigabyte, processMemoryBytes);
  }

  /** The time to load {@code fileSize} bytes of weights. */
  Duration loadTime(long fileSize) {
    return loadTime.plus(loadTimePerGigabyte.multipliedBy(Math.ceilDiv(fileSize, 1_000_000_000L)));
  }

  /**
   * The address space the process may use: the base, the template's allowance, the mapped file, and
   * the KV cache and logits as if every head had its own keys (an over-estimate, on purpose: this
   * only stops what no real model needs).
   */
  /** The address space of a process that renders a template alone, on a tiny stand-in model. */
  long templateProcessMemory() {
    return processMemoryBytes + templateMemoryBytes;
  }

  long processMemory(GgufModelInfo info, LlamaEngineSettings settings) {
    long kvCache =
        2L * Math.max(1, info.blockCount()) * settings.contextSize() * info.embeddingLength() * 2;
    long logits = 4L * settings.batchSize() * Math.max(info.vocabularySize(), 1);
    return processMemoryBytes + templateMemoryBytes + info.fileSize() + kvCache + 2 * logits;
  }

  private static long longProperty(String name, long fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      return parsed > 0 ? parsed : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
