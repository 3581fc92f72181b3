package org.mailledger.api.audit;

/** Nothing bore that name at the instant asked for: a 404 with the given problem type. */
class NotFoundAsOfException extends RuntimeException {

  private final String type;

  NotFoundAsOfException(String type, String detail) {
    super(detail);
    this.type = type;
  }

  String type() {
    return type;
  }
}
