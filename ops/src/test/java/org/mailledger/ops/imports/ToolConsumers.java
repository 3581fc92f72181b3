package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.consumer.DovecotServer;
import org.mailledger.testsupport.consumer.PostfixMaps;

/**
 * A tool's own Postfix maps and Dovecot queries, as its documentation writes them, written out for
 * one database: first for the tool's tables, then, the same queries with only the connection
 * changed, for the tables Mailledger keeps in that tool's layout. That both answer alike is the
 * drop-in promise: the Postfix and Dovecot of a user who switches stay as they are.
 *
 * @param domains the files of {@code virtual_mailbox_domains}
 * @param mailboxes the files of {@code virtual_mailbox_maps}
 * @param aliases the files of {@code virtual_alias_maps}, in main.cf's order
 */
record ToolConsumers(
    List<MapFile> domains,
    List<MapFile> mailboxes,
    List<MapFile> aliases,
    String defaultPassScheme,
    String passwordQuery,
    String userQuery) {

  static final int VMAIL = 5000;

  /** One Postfix map file: its name and its query. */
  record MapFile(String name, String query) {}

  /** The maps written into {@code dir}, each asking {@code db}. */
  RoundTrip.Maps maps(PostfixMaps postfix, Path dir, TestDatabase db) throws IOException {
    Files.createDirectories(dir);
    return new RoundTrip.Maps(
        postfix, write(domains, dir, db), write(mailboxes, dir, db), write(aliases, dir, db));
  }

  private static List<String> write(List<MapFile> files, Path dir, TestDatabase db)
      throws IOException {
    List<String> maps = new ArrayList<>();
    for (MapFile file : files) {
      maps.add(RoundTrip.cf(dir, file.name(), db, file.query()));
    }
    return maps;
  }

  /** A Dovecot whose passdb and userdb run the tool's queries on {@code db}. */
  DovecotServer dovecot(Path dir, TestDatabase db) throws IOException {
    Files.createDirectories(dir);
    Path conf = dir.resolve("dovecot-sql.conf.ext");
    Files.writeString(
        conf,
        "driver = "
            + (db.dialect().equals("postgresql") ? "pgsql" : "mysql")
            + "\nconnect = host="
            + db.host()
            + " port="
            + db.port()
            + " dbname="
            + db.database()
            + " user="
            + db.username()
            + (db.password() == null || db.password().isEmpty() ? "" : " password=" + db.password())
            + "\ndefault_pass_scheme = "
            + defaultPassScheme
            + "\npassword_query = "
            + passwordQuery
            + "\nuser_query = "
            + userQuery
            + "\n");
    return DovecotServer.withSqlConfig(conf, VMAIL, VMAIL);
  }

  /**
   * What Dovecot answers for each user: whether it takes {@link RoundTrip#PASSWORD}, and the userdb
   * fields but {@code ignored}.
   */
  static Map<String, String> logins(DovecotServer dovecot, Set<String> users, Set<String> ignored) {
    Map<String, String> answers = new TreeMap<>();
    for (String user : users) {
      Map<String, String> fields = new TreeMap<>(dovecot.user(user));
      fields.keySet().removeAll(ignored);
      answers.put(
          user,
          (dovecot.authTest(user, RoundTrip.PASSWORD) ? "login ok" : "login refused")
              + ", userdb "
              + fields);
    }
    return answers;
  }

  /**
   * Every key answers after as before, except the keys the report names: those must be named there
   * (as {@code reported} gives the words), and must answer differently when {@code mustDiffer}.
   */
  static void sameExceptReported(
      Map<String, String> before,
      Map<String, String> after,
      Map<String, String> reported,
      String report,
      boolean mustDiffer) {
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String key : before.keySet()) {
      if (reported.containsKey(key)) {
        assertThat(report).as(key).contains(reported.get(key));
        if (mustDiffer) {
          assertThat(after.get(key)).as(key).isNotEqualTo(before.get(key));
        }
      } else {
        assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
      }
    }
  }
}
