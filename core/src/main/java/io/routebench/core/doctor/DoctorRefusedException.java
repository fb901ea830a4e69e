package io.routebench.core.doctor;

/** The doctor cannot work from this run: it would compare decisions that are not comparable. */
public final class DoctorRefusedException extends RuntimeException {

  public DoctorRefusedException(String message) {
    super(message);
  }
}
