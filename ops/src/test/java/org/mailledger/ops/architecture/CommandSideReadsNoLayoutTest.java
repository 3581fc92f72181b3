package org.mailledger.ops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailledger.testsupport.architecture.JavaStrings;
import org.mailledger.testsupport.architecture.MigrationTables;
import org.mailledger.testsupport.architecture.Repository;
import org.mailledger.testsupport.architecture.SqlText;

/**
 * The command side never reads a layout's tables: its rules rest on the event log and its own claim
 * tables, written in the transaction of the append, never on a projection that may lag or be in the
 * middle of a rebuild (DESIGN.md, "Data flows one way"). Checked three ways: no class dependency,
 * no module dependency, and no layout table named in the command side's SQL text.
 */
class CommandSideReadsNoLayoutTest {

  private static final Path ROOT = Repository.root();
  private static final Path COMMAND_SOURCES = ROOT.resolve("command-side/src/main/java");
  private static final Path LAYOUT_MIGRATIONS = ROOT.resolve("schema/src/main/resources/db/layout");

  /** The modules that hold read sides: layouts and their tables, the REST reads, ops. */
  private static final Set<String> READ_SIDE_MODULES = Set.of("projection", "api", "ops");

  @Test
  void commandSideDependsOnNoReadSideClass() {
    noClasses()
        .that()
        .resideInAPackage("org.mailledger.command..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.mailledger.projection..", "org.mailledger.api..", "org.mailledger.ops..")
        .because(
            "the command side decides on the event log and its own claim tables, never on a"
                + " layout (DESIGN.md: data flows one way)")
        .check(MainClasses.MAILLEDGER);
  }

  @Test
  void commandSideModuleDependsOnNoReadSideModule() {
    Set<String> reached = PomDependencies.under(ROOT).reachableFrom("command-side");

    assertThat(reached)
        .as(
            "modules command-side/pom.xml reaches through org.mailledger dependencies of any scope;"
                + " none may hold a read side %s",
            READ_SIDE_MODULES)
        .contains("schema")
        .doesNotContainAnyElementsOf(READ_SIDE_MODULES);
  }

  @Test
  void commandSideSqlNamesNoLayoutTable() {
    MigrationTables layouts = MigrationTables.under(LAYOUT_MIGRATIONS);
    // Proof that both sides of the comparison were read, so that an empty result means something.
    assertThat(layouts.all())
        .extracting(MigrationTables.Table::name)
        .as("tables created under %s", LAYOUT_MIGRATIONS)
        .contains("mailboxes", "mailbox", "mailledger_dinomail_user", "layout_token_entry");
    assertThat(tablesNamed(COMMAND_SOURCES))
        .as("tables the command side's SQL names")
        .contains("claim_domain", "claim_address", "claim_admin");

    assertThat(layoutTablesNamed(COMMAND_SOURCES, layouts))
        .as(
            "string constants in %s that name a table or view of a layout (created under %s): the"
                + " command side must decide on its own claim tables only",
            COMMAND_SOURCES, LAYOUT_MIGRATIONS)
        .isEmpty();
  }

  /** The scan above, on a handler planted here: it must catch every way of writing the query. */
  @Test
  void theScanFindsLayoutTablesInAPlantedHandler(@TempDir Path sources) throws Exception {
    Path handler = sources.resolve("org/mailledger/command/mailbox/PlantedHandler.java");
    Files.createDirectories(handler.getParent());
    Files.writeString(
        handler,
        """
        package org.mailledger.command.mailbox;

        class PlantedHandler {
          private static final String OWN = "SELECT count(*) FROM claim_domain WHERE name = ?";
          private static final String QUOTA = "SELECT quota FROM mailbox WHERE username = ?";
          private static final String SPLIT =
              "SELECT d.id FROM claim_domain c"
                  + " JOIN domains d ON d.domain = c.name";
          private static final String BLOCK =
              \"""
              select id
                from claim_address a, dinomail_virtualuser u
              \""";

          void handle(org.springframework.jdbc.core.JdbcTemplate jdbc) {
            jdbc.update("UPDATE `alias_recipients` SET active = 0");
          }
        }
        """);

    assertThat(layoutTablesNamed(sources, MigrationTables.under(LAYOUT_MIGRATIONS)))
        .containsExactly(
            handler + ":5 names mailbox",
            handler + ":7 names domains",
            handler + ":10 names dinomail_virtualuser",
            handler + ":16 names alias_recipients");
  }

  /** The pom check above, on planted poms: a read side reached through another module counts. */
  @Test
  void thePomCheckFollowsDependenciesThroughModules(@TempDir Path root) throws Exception {
    Files.writeString(
        root.resolve("pom.xml"),
        """
        <project>
          <modules><module>schema</module><module>command-side</module><module>helper</module>
            <module>projection</module></modules>
        </project>
        """);
    plantPom(root, "schema", "");
    plantPom(root, "projection", "schema");
    plantPom(root, "helper", "projection");
    plantPom(root, "command-side", "schema", "helper");

    assertThat(PomDependencies.under(root).reachableFrom("command-side"))
        .containsExactlyInAnyOrder("schema", "helper", "projection");
  }

  private static void plantPom(Path root, String module, String... dependencies) throws Exception {
    StringBuilder pom = new StringBuilder("<project><dependencies>");
    for (String dependency : dependencies) {
      if (!dependency.isEmpty()) {
        pom.append("<dependency><groupId>org.mailledger</groupId><artifactId>")
            .append(dependency)
            .append("</artifactId><scope>test</scope></dependency>");
      }
    }
    Files.createDirectories(root.resolve(module));
    Files.writeString(root.resolve(module).resolve("pom.xml"), pom + "</dependencies></project>");
  }

  private static List<String> layoutTablesNamed(Path sources, MigrationTables layouts) {
    List<String> found = new ArrayList<>();
    for (JavaStrings.Piece piece : JavaStrings.under(sources)) {
      for (SqlText.Reference reference : SqlText.references(piece.text())) {
        if (layouts.matching(reference.table()).isPresent()) {
          found.add(piece.where() + " names " + reference.table());
        }
      }
    }
    return found;
  }

  private static Set<String> tablesNamed(Path sources) {
    Set<String> tables = new TreeSet<>();
    for (JavaStrings.Piece piece : JavaStrings.under(sources)) {
      SqlText.references(piece.text()).forEach(r -> tables.add(r.table()));
    }
    return tables;
  }
}
