package org.mailledger.ops.imports;

import java.util.regex.Pattern;

/** A JDBC URL as it may appear in the log: without a password. */
final class JdbcUrls {

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;])(password|pass|pwd)=[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

  private JdbcUrls() {}

  static String withoutPassword(String url) {
    String cleaned = USER_INFO.matcher(url).replaceFirst("//$1@");
    cleaned = PASSWORD_PARAMETER.matcher(cleaned).replaceAll("$1$2=****");
    return cleaned;
  }
}
