package org.mailledger.testsupport.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tables a piece of SQL text names, and whether it writes them. Not a SQL parser: it reads the
 * word after the keywords that take a table ({@code FROM a, b}, {@code JOIN}, {@code INTO}, {@code
 * UPDATE ... SET}, {@code TABLE}, {@code USING}, {@code CREATE/DROP/ALTER VIEW}), which is all the
 * statements of this project use, in either dialect. Text that is not SQL yields nothing unless it
 * reads like it ("moved from mailbox"): the tests that use this show file and line, so such a find
 * is seen at once.
 */
public final class SqlText {

  /** A table (or, for DDL on another object, that object) named by the text. */
  public record Reference(String table, boolean write) {}

  /** Words that can follow a table name but are never a table alias. */
  private static final Set<String> RESERVED =
      Set.of(
          "where",
          "join",
          "left",
          "right",
          "inner",
          "outer",
          "cross",
          "full",
          "natural",
          "on",
          "group",
          "order",
          "limit",
          "union",
          "having",
          "for",
          "window",
          "offset",
          "returning",
          "set",
          "values",
          "as",
          "using",
          "lateral",
          "except",
          "intersect",
          "fetch",
          "into",
          "select",
          "straight_join",
          "partition",
          "use",
          "force",
          "ignore",
          "tablesample",
          "lock",
          "with",
          "of",
          "skip",
          "nowait",
          "when",
          "then",
          "else",
          "end",
          "and",
          "or",
          "not",
          "is",
          "null",
          "in",
          "do",
          "conflict",
          "key",
          "only",
          "if",
          "exists",
          "default",
          "from");

  /** What INSERT, REPLACE and MERGE put before INTO (SELECT ... INTO names variables). */
  private static final Set<String> INTO_VERBS =
      Set.of("insert", "replace", "merge", "ignore", "low_priority", "delayed", "high_priority");

  /** What follows the table of an UPDATE statement. */
  private static final Set<String> UPDATE_FOLLOWERS =
      Set.of("set", "join", "inner", "left", "straight_join", ",");

  /** The objects CREATE, DROP and ALTER change that the project's SQL could name. */
  private static final Set<String> DDL_KINDS =
      Set.of(
          "table",
          "view",
          "index",
          "sequence",
          "schema",
          "database",
          "trigger",
          "function",
          "procedure",
          "type",
          "extension");

  /** Words before a FROM that takes a column or a value, not a table. */
  private static final Set<String> NOT_A_TABLE_AFTER =
      Set.of(
          "epoch",
          "year",
          "month",
          "day",
          "hour",
          "minute",
          "second",
          "both",
          "leading",
          "trailing",
          "distinct");

  /** What may stand between CREATE/DROP/ALTER and the kind of object. */
  private static final Set<String> DDL_MODIFIERS =
      Set.of(
          "or",
          "replace",
          "temporary",
          "temp",
          "unique",
          "materialized",
          "global",
          "local",
          "unlogged",
          "definer",
          "algorithm",
          "sql",
          "security");

  private SqlText() {}

  /** The tables {@code sql} names, in order, lower case, without schema or quotes. */
  public static List<Reference> references(String sql) {
    return new Walk(tokens(sql)).references();
  }

  private static final class Walk {

    private final List<String> t;
    private final List<Reference> found = new ArrayList<>();

    Walk(List<String> tokens) {
      this.t = tokens;
    }

    List<Reference> references() {
      for (int i = 0; i < t.size(); i++) {
        String prev = i == 0 ? "" : t.get(i - 1);
        switch (t.get(i)) {
          case "from" -> {
            // EXTRACT(EPOCH FROM c), TRIM(LEADING 'x' FROM c), a IS DISTINCT FROM b name columns.
            String before = i < 2 ? "" : t.get(i - 2);
            if (!(NOT_A_TABLE_AFTER.contains(prev) && Set.of("(", "is", "not").contains(before))) {
              list(i + 1, prev.equals("delete"));
            }
          }
          case "using", "tables" -> list(i + 1, false);
          case "join" -> one(i + 1, false);
          case "into" -> {
            if (INTO_VERBS.contains(prev)) {
              one(i + 1, true);
            }
          }
          case "update" -> {
            // FOR UPDATE locks; DO UPDATE SET and ON DUPLICATE KEY UPDATE write the table their
            // INSERT named. Only UPDATE name [alias] SET (or a MySQL join) is a statement:
            // "Update mailbox settings" in a message is not.
            if (!Set.of("for", "do", "key").contains(prev)) {
              int before = found.size();
              int end = one(i + 1, true);
              if (found.size() > before && !UPDATE_FOLLOWERS.contains(at(skipAlias(end)))) {
                found.remove(before);
              }
            }
          }
          case "truncate" ->
              list(t.size() > i + 1 && t.get(i + 1).equals("table") ? i + 2 : i + 1, true);
          case "create", "drop", "alter" -> i = ddl(i + 1);
          case "table" -> {
            // LOCK TABLE; CREATE/DROP/ALTER TABLE is read by ddl(), TRUNCATE TABLE above.
            if (!prev.equals("truncate")) {
              list(i + 1, false);
            }
          }
          default -> {}
        }
      }
      return found;
    }

    /**
     * CREATE/DROP/ALTER from the word after the verb; answers the index to go on after. Only a
     * known kind of object counts, so that "Create an alias" in a message is not DDL.
     */
    private int ddl(int i) {
      while (i < t.size() && DDL_MODIFIERS.contains(t.get(i))) {
        i++;
      }
      if (i >= t.size() || !DDL_KINDS.contains(t.get(i))) {
        return i - 1;
      }
      return one(i + 1, true) - 1;
    }

    private int skipAlias(int i) {
      if (at(i).equals("as")) {
        return i + 2;
      }
      return i < t.size() && isName(t.get(i)) ? i + 1 : i;
    }

    private String at(int i) {
      return i < t.size() ? t.get(i) : "";
    }

    /** A table name, maybe a comma list of them with aliases (FROM, USING, TRUNCATE). */
    private void list(int i, boolean write) {
      int next = one(i, write);
      while (next > i) {
        int after = skipAlias(next);
        if (!at(after).equals(",")) {
          return;
        }
        i = after + 1;
        next = one(i, write);
      }
    }

    /** The name at {@code i} (after IF [NOT] EXISTS, ONLY); answers the index after it. */
    private int one(int i, boolean write) {
      while (i < t.size() && Set.of("if", "not", "exists", "only", "ignore").contains(t.get(i))) {
        i++;
      }
      if (i >= t.size() || !isName(t.get(i))) {
        return i;
      }
      String name = t.get(i);
      i++;
      if (i + 1 < t.size() && t.get(i).equals(".") && isName(t.get(i + 1))) {
        name = t.get(i + 1);
        i += 2;
      }
      found.add(new Reference(name, write));
      return i;
    }

    private static boolean isName(String token) {
      return !RESERVED.contains(token)
          && (Character.isLetter(token.charAt(0))
              || token.charAt(0) == '_'
              || token.charAt(0) == '$');
    }
  }

  /**
   * Words (lower case; quoted identifiers unquoted; a Flyway placeholder such as {@code
   * ${table_prefix}virtualuser} kept in the word) and single punctuation characters. SQL string
   * literals, comments and numbers are dropped.
   */
  static List<String> tokens(String sql) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (sql.startsWith("--", i) || c == '#') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? sql.length() : eol;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else if (c == '\'') {
        i++;
        while (i < sql.length() && sql.charAt(i) != '\'') {
          i += sql.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (c == '"' || c == '`') {
        int end = sql.indexOf(c, i + 1);
        end = end < 0 ? sql.length() : end;
        tokens.add(sql.substring(i + 1, end).toLowerCase(Locale.ROOT));
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < sql.length() && word(sql, i)) {
          if (sql.startsWith("${", i)) {
            int end = sql.indexOf('}', i);
            i = end < 0 ? sql.length() : end + 1;
          } else {
            i++;
          }
        }
        tokens.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
      } else if (Character.isDigit(c)) {
        while (i < sql.length() && Character.isLetterOrDigit(sql.charAt(i))) {
          i++;
        }
      } else {
        if (!Character.isWhitespace(c)) {
          tokens.add(String.valueOf(c));
        }
        i++;
      }
    }
    return tokens;
  }

  private static boolean word(String sql, int i) {
    char c = sql.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
