package org.mailledger.api.web;

import org.mailledger.schema.value.InvalidValueException;

/** {@code ?page&size}: page from 0, size from 1 to 500. */
public record PageRequest(int page, int size) {

  public static final int MAX_SIZE = 500;

  public PageRequest {
    if (page < 0) {
      throw new InvalidValueException("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidValueException("size", "must be between 1 and " + MAX_SIZE);
    }
  }

  public int offset() {
    return page * size;
  }
}
