package org.mailledger.ops.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two text operations behind the generated files: filling {@code ${name}} placeholders, and
 * joining a query written over several lines for review into the one line Postfix and Dovecot read.
 */
final class Template {

  // Neither Postfix nor Dovecot configuration uses "${" in what we write, and '$$' of the SQL
  // script does not match, so the placeholders cannot collide with the files' own syntax.
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private Template() {}

  /**
   * The template with each placeholder replaced by its value, in one pass: a value is never
   * searched for placeholders itself.
   *
   * @throws IllegalArgumentException for a placeholder without a value
   */
  static String fill(String template, Map<String, ?> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    while (m.find()) {
      Object value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for " + m.group() + " in:\n" + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The query on one line: each line break, with the indentation around it, becomes a space. */
  static String oneLine(String query) {
    return query.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
