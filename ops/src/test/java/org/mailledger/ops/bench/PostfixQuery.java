package org.mailledger.ops.bench;

/**
 * A generated query as Postfix (or Dovecot) sends it for one key: the placeholders replaced by the
 * key's parts. The benchmark keys hold only letters, digits, dots, hyphens, pgbench variables
 * ({@code :n}) and one {@code @}, so no quoting is involved.
 */
final class PostfixQuery {

  private PostfixQuery() {}

  static String forKey(String query, String key) {
    if (!key.matches("[a-z0-9.@:-]+")) {
      throw new IllegalArgumentException("benchmark keys are plain: " + key);
    }
    int at = key.lastIndexOf('@');
    String local = at < 0 ? "" : key.substring(0, at);
    String domain = at < 0 ? key : key.substring(at + 1);
    String sql =
        query.replace("%s", key).replace("%u", local).replace("%n", local).replace("%d", domain);
    // Postfix and Dovecot send the statement without the trailing semicolon of the .cf line.
    return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
  }
}
