package org.mailledger.command.error;

import java.util.List;

/**
 * A command broke a business rule. {@link #type()} is stable (it becomes the problem type of the
 * HTTP answer); {@link #detail()} is for people; {@link #subjects()} lists what stands in the way,
 * such as the aliases that still point at a mailbox.
 */
public class RuleViolationException extends RuntimeException {

  /** How the rule was broken, which decides the HTTP status later. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;
  private final String type;
  private final List<String> subjects;

  public RuleViolationException(Kind kind, String type, String detail, List<String> subjects) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.subjects = List.copyOf(subjects);
  }

  public static RuleViolationException invalid(String type, String detail) {
    return new RuleViolationException(Kind.INVALID, type, detail, List.of());
  }

  public static RuleViolationException notFound(String type, String detail) {
    return new RuleViolationException(Kind.NOT_FOUND, type, detail, List.of());
  }

  public static RuleViolationException conflict(String type, String detail) {
    return new RuleViolationException(Kind.CONFLICT, type, detail, List.of());
  }

  public static RuleViolationException conflict(String type, String detail, List<String> subjects) {
    return new RuleViolationException(Kind.CONFLICT, type, detail, subjects);
  }

  public Kind kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  public List<String> subjects() {
    return subjects;
  }
}
