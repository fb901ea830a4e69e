package io.routebench.core.validation;

/** Errors block an export; warnings point at likely mistakes. */
public enum Severity {
  ERROR,
  WARNING
}
