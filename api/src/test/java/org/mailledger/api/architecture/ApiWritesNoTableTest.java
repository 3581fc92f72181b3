package org.mailledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailledger.api.security.AuthProjection;
import org.mailledger.command.admin.AdminClaims;
import org.mailledger.command.claim.Claims;
import org.mailledger.testsupport.architecture.JavaStrings;
import org.mailledger.testsupport.architecture.Repository;
import org.mailledger.testsupport.architecture.SqlText;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.SimpleJdbcInsertOperations;

/**
 * The api reads and sends commands; it never writes a table: the lookup tables belong to their
 * layouts' projections, the event store and the claim tables to the command side. Checked on the
 * classes (no call of a JDBC write method, nor of a claim store write) and on the source text (no
 * INSERT, UPDATE, DELETE, DDL). Writes the api starts through other modules' own code (commands
 * through Axon, a rebuild through projection's Rebuilds) are those modules' writes.
 */
class ApiWritesNoTableTest {

  /**
   * The only classes of api that may write, each with the tables it may write. Every entry needs a
   * reason, and {@link #everyAllowedWriterStillWritesItsTables} fails when an entry is no longer
   * needed, so that the list cannot grow stale and quietly widen the rule.
   */
  private static final Map<Class<?>, Set<String>> ALLOWED_WRITERS =
      Map.of(
          // The authentication read model is api's own: admin accounts, domain grants and token
          // hashes that Spring Security reads on every request. It is an event handler on a
          // subscribing processor, so it writes inside the command's own transaction (a new token
          // works on the next request, a disabled admin is locked out at once); its tables are in
          // the event store's migrations (V3__admin_accounts.sql), not in any layout.
          AuthProjection.class, Set.of("auth_admin", "auth_grant", "auth_token"));

  /** A call that writes through JDBC or runs migrations, whatever the statement says. */
  private static final Map<Class<?>, Set<String>> WRITE_METHODS =
      Map.of(
          JdbcOperations.class, Set.of("update", "batchUpdate", "execute"),
          NamedParameterJdbcOperations.class, Set.of("update", "batchUpdate", "execute"),
          JdbcClient.StatementSpec.class, Set.of("update"),
          SimpleJdbcInsertOperations.class,
              Set.of("execute", "executeAndReturnKey", "executeAndReturnKeyHolder", "executeBatch"),
          Statement.class,
              Set.of(
                  "execute",
                  "executeUpdate",
                  "executeLargeUpdate",
                  "executeBatch",
                  "executeLargeBatch"),
          Flyway.class, Set.of("migrate", "clean", "baseline", "repair"));

  private static final DescribedPredicate<JavaMethodCall> JDBC_WRITE =
      DescribedPredicate.describe(
          "a JDBC write (JdbcTemplate/NamedParameterJdbcTemplate update, batchUpdate, execute;"
              + " JdbcClient update; SimpleJdbcInsert; Statement execute*; Flyway migrate)",
          call ->
              WRITE_METHODS.entrySet().stream()
                  .anyMatch(
                      e ->
                          e.getValue().contains(call.getName())
                              && call.getTargetOwner().isAssignableTo(e.getKey())));

  /**
   * A write through the command side's claim store, which keeps set-wide uniqueness in the
   * transaction of an append: its void methods (claim, release, move...) write; the api may only
   * read it (is this address taken?).
   */
  private static final DescribedPredicate<JavaMethodCall> CLAIM_WRITE =
      DescribedPredicate.describe(
          "a write of the command side's claim store (Claims, AdminClaims: a void method)",
          call ->
              (call.getTargetOwner().isAssignableTo(Claims.class)
                      || call.getTargetOwner().isAssignableTo(AdminClaims.class))
                  && call.getTarget().getRawReturnType().getName().equals("void"));

  private static final DescribedPredicate<JavaMethodCall> TABLE_WRITE = JDBC_WRITE.or(CLAIM_WRITE);

  private static final JavaClasses API =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.mailledger.api");

  private static final Path API_SOURCES = Repository.root().resolve("api/src/main/java");

  private static ArchRule noJdbcWriteOutsideTheAllowList() {
    return noClasses()
        .that()
        .resideInAPackage("org.mailledger.api..")
        .and()
        .doNotBelongToAnyOf(ALLOWED_WRITERS.keySet().toArray(Class<?>[]::new))
        .should()
        .callMethodWhere(TABLE_WRITE)
        .because(
            "api reads and sends commands; tables are written by their projections and the command"
                + " side (allowed: "
                + ALLOWED_WRITERS.keySet().stream().map(Class::getSimpleName).toList()
                + ")");
  }

  @Test
  void apiCallsNoTableWriteOutsideTheAllowList() {
    noJdbcWriteOutsideTheAllowList().check(API);
  }

  @Test
  void apiSqlWritesNoTableOutsideTheAllowList() {
    List<String> pieces = new ArrayList<>();
    assertThat(writesOutsideTheAllowList(API_SOURCES, pieces))
        .as(
            "SQL text in %s that writes a table (INSERT, UPDATE, DELETE, CREATE, DROP, ALTER,"
                + " TRUNCATE) outside the allow-list %s",
            API_SOURCES, ALLOWED_WRITERS)
        .isEmpty();
    // The scan read the real sources: the api's own reads are there.
    assertThat(pieces).as("string constants read under %s", API_SOURCES).isNotEmpty();
    assertThat(tablesRead(API_SOURCES)).contains("domain_event_entry", "mailboxes", "auth_admin");
  }

  @Test
  void everyAllowedWriterStillWritesItsTables() {
    for (Map.Entry<Class<?>, Set<String>> allowed : ALLOWED_WRITERS.entrySet()) {
      classes()
          .that()
          .belongToAnyOf(allowed.getKey())
          .should()
          .callMethodWhere(JDBC_WRITE)
          .because("an allow-list entry that writes nothing must be removed")
          .check(API);
      assertThat(tablesWritten(sourceOf(allowed.getKey())))
          .as("tables %s writes in its SQL text", allowed.getKey().getSimpleName())
          .isEqualTo(allowed.getValue());
    }
  }

  /** The class rule above, on a writer planted here in an api package. */
  @Test
  void theClassRuleCatchesAPlantedWriter() {
    JavaClasses planted = new ClassFileImporter().importClasses(PlantedWriter.class);

    EvaluationResult result = noJdbcWriteOutsideTheAllowList().evaluate(planted);

    assertThat(result.getFailureReport().getDetails())
        .hasSize(3)
        .allMatch(line -> line.contains(PlantedWriter.class.getName()))
        .anyMatch(line -> line.contains("JdbcTemplate.update("))
        .anyMatch(line -> line.contains("NamedParameterJdbcOperations.batchUpdate("))
        .anyMatch(line -> line.contains("Claims.releaseAddress("));
  }

  /** The source scan above, on a controller planted here. */
  @Test
  void theSourceScanCatchesPlantedWrites(@TempDir Path sources) throws Exception {
    Path controller = sources.resolve("org/mailledger/api/mailbox/PlantedController.java");
    Files.createDirectories(controller.getParent());
    Files.writeString(
        controller,
        """
        package org.mailledger.api.mailbox;

        class PlantedController {
          static final String READ = "SELECT id FROM mailboxes WHERE id = ? FOR UPDATE";
          static final String DISABLE = "UPDATE mailboxes SET active = FALSE WHERE id = ?";
          static final String GRANT =
              "INSERT INTO auth_grant (admin_id, domain)" + " VALUES (?, ?)";
          static final String DDL = \"""
              create index mailboxes_name on mailboxes (name)
              \""";
          static final String GONE = "delete from domain_event_entry";
        }
        """);

    assertThat(writesOutsideTheAllowList(sources, new ArrayList<>()))
        .containsExactly(
            controller + ":5 writes mailboxes",
            controller + ":7 writes auth_grant",
            controller + ":8 writes mailboxes_name",
            controller + ":11 writes domain_event_entry");
  }

  /** Not main code: the planted writer that {@link #theClassRuleCatchesAPlantedWriter} finds. */
  static class PlantedWriter {

    void write(JdbcTemplate jdbc, NamedParameterJdbcOperations named, Claims claims) {
      jdbc.update("UPDATE mailboxes SET active = FALSE");
      named.batchUpdate("DELETE FROM aliases", new Map[0]);
      claims.releaseAddress("someone@example.org");
      // Reads, which the rule lets through:
      jdbc.queryForList("SELECT id FROM mailboxes");
      claims.address("someone@example.org");
    }
  }

  private static List<String> writesOutsideTheAllowList(Path sources, List<String> seen) {
    List<String> found = new ArrayList<>();
    for (JavaStrings.Piece piece : JavaStrings.under(sources)) {
      seen.add(piece.text());
      Set<String> allowed = allowedTables(sources, piece.file());
      for (SqlText.Reference reference : SqlText.references(piece.text())) {
        if (reference.write() && !allowed.contains(reference.table())) {
          found.add(piece.where() + " writes " + reference.table());
        }
      }
    }
    return found;
  }

  private static Set<String> allowedTables(Path sources, Path file) {
    return ALLOWED_WRITERS.entrySet().stream()
        .filter(e -> sourceOf(sources, e.getKey()).equals(file))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(Set.of());
  }

  private static Path sourceOf(Class<?> type) {
    return sourceOf(API_SOURCES, type);
  }

  private static Path sourceOf(Path sources, Class<?> type) {
    return sources.resolve(type.getName().replace('.', '/') + ".java");
  }

  private static Set<String> tablesWritten(Path source) {
    Set<String> tables = new TreeSet<>();
    for (JavaStrings.Piece piece : JavaStrings.under(source.getParent())) {
      if (piece.file().equals(source)) {
        SqlText.references(piece.text()).stream()
            .filter(SqlText.Reference::write)
            .forEach(r -> tables.add(r.table()));
      }
    }
    return tables;
  }

  private static Set<String> tablesRead(Path sources) {
    Set<String> tables = new TreeSet<>();
    for (JavaStrings.Piece piece : JavaStrings.under(sources)) {
      SqlText.references(piece.text()).forEach(r -> tables.add(r.table()));
    }
    return tables;
  }
}
