package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A self-service call the emulator refuses: its status checked, its named fields returned. */
final class Refusal {
  private Refusal() {}

  /**
   * Runs {@code call}, asserts that the emulator refused it with {@code status}, and returns the
   * field identifiers of its errors, in the order given.
   */
  static List<String> fields(int status, ThrowingCallable call) {
    SelfServiceErrorException refused = catchThrowableOfType(SelfServiceErrorException.class, call);
    assertThat(refused).as("refused with a SelfServiceErrorException").isNotNull();
    assertThat(refused.status()).as(refused.getMessage()).isEqualTo(status);
    return refused.errors().stream().map(FieldError::field).toList();
  }
}
