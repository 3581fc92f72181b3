package org.mailledger.schema.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared checks for rejected values, so every table row asserts the same things. */
final class Rejections {

  private Rejections() {}

  /**
   * Asserts an {@link InvalidValueException} for {@code field} whose reason contains {@code
   * fragment} and only printable ASCII, so no control character or raw non-ASCII input leaks.
   */
  static InvalidValueException assertRejected(
      ThrowingCallable call, String field, String fragment) {
    InvalidValueException e = catchThrowableOfType(InvalidValueException.class, call);
    assertThat(e).as("expected an InvalidValueException").isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.reason()).contains(fragment);
    assertThat(e.reason()).matches("[\\x20-\\x7E]+");
    assertThat(e.getMessage()).isEqualTo(field + ": " + e.reason());
    return e;
  }

  static String cp(int codePoint) {
    return new String(Character.toChars(codePoint));
  }
}
