package org.mailledger.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tables and views that a folder of Flyway migrations creates ({@code CREATE [OR REPLACE]
 * TABLE|VIEW [IF NOT EXISTS] name}, and the new name of {@code RENAME [TO]}), read from the files
 * so that a table added to a layout is covered by the rules that use this without anyone updating a
 * list. A Flyway placeholder in a name ({@code ${table_prefix}virtualuser}) matches any word there,
 * since the prefix is the operator's choice.
 */
public final class MigrationTables {

  /** A created table or view, and the first migration that creates it. */
  public record Table(String name, Pattern pattern, Path migration) {

    public boolean matches(String table) {
      return pattern.matcher(table).matches();
    }
  }

  private static final Set<String> MODIFIERS =
      Set.of(
          "or",
          "replace",
          "temporary",
          "temp",
          "unlogged",
          "materialized",
          "global",
          "local",
          "algorithm",
          "definer",
          "sql",
          "security",
          "=",
          "merge",
          "undefined",
          "temptable");

  private final List<Table> tables;

  private MigrationTables(List<Table> tables) {
    this.tables = List.copyOf(tables);
  }

  /** Every {@code .sql} file under {@code folder}; fails if there is none to read. */
  public static MigrationTables under(Path folder) {
    Map<String, Table> byName = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        for (String name : created(Files.readString(file))) {
          byName.putIfAbsent(name, new Table(name, pattern(name), file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the migrations under " + folder, e);
    }
    if (byName.isEmpty()) {
      throw new IllegalStateException("no CREATE TABLE or VIEW in any .sql file under " + folder);
    }
    return new MigrationTables(new ArrayList<>(byName.values()));
  }

  public List<Table> all() {
    return tables;
  }

  public Optional<Table> matching(String table) {
    return tables.stream().filter(t -> t.matches(table)).findFirst();
  }

  static List<String> created(String sql) {
    List<String> t = SqlText.tokens(sql);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).equals("create")) {
        int k = i + 1;
        while (k < t.size() && MODIFIERS.contains(t.get(k))) {
          k++;
        }
        if (k < t.size() && (t.get(k).equals("table") || t.get(k).equals("view"))) {
          k++;
          while (k < t.size() && Set.of("if", "not", "exists").contains(t.get(k))) {
            k++;
          }
          name(t, k).ifPresent(names::add);
        }
      } else if (t.get(i).equals("rename")) {
        // PostgreSQL and MySQL: ALTER TABLE a RENAME TO b; MySQL: RENAME TABLE a TO b.
        for (int k = i + 1; k < t.size() && !t.get(k).equals(";"); k++) {
          if (t.get(k).equals("to")) {
            name(t, k + 1).ifPresent(names::add);
          }
        }
      }
    }
    return names;
  }

  private static Optional<String> name(List<String> t, int k) {
    if (k >= t.size() || !Character.isLetter(t.get(k).charAt(0)) && t.get(k).charAt(0) != '$') {
      return Optional.empty();
    }
    if (k + 2 < t.size() && t.get(k + 1).equals(".")) {
      return Optional.of(t.get(k + 2));
    }
    return Optional.of(t.get(k));
  }

  private static Pattern pattern(String name) {
    String[] literal = name.split("\\$\\{[^}]*}", -1);
    List<String> quoted = new ArrayList<>();
    for (String part : literal) {
      quoted.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join("[a-z0-9_$]*", quoted));
  }
}
