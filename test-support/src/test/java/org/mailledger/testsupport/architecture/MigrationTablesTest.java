package org.mailledger.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTablesTest {

  @TempDir Path migrations;

  @Test
  void findsTablesViewsAndRenamesInEveryFolder() throws Exception {
    Files.createDirectories(migrations.resolve("mum/postgresql"));
    Files.createDirectories(migrations.resolve("dino/mysql"));
    Files.writeString(
        migrations.resolve("mum/postgresql/V1__tables.sql"),
        """
        -- CREATE TABLE not_this (in a comment)
        CREATE TABLE domains (id BIGINT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS layout_token_entry (processor_name VARCHAR(255));
        CREATE INDEX mailboxes_domain ON domains (id);
        ALTER TABLE domains RENAME TO domains_renamed;
        """);
    Files.writeString(
        migrations.resolve("dino/mysql/R__views.sql"),
        """
        CREATE OR REPLACE ALGORITHM = MERGE VIEW ${table_prefix}virtualuser AS
        SELECT u.id FROM mailledger_dinomail_user u;
        RENAME TABLE `a` TO `b`;
        """);

    MigrationTables tables = MigrationTables.under(migrations);

    assertThat(tables.all())
        .extracting(MigrationTables.Table::name)
        .containsExactlyInAnyOrder(
            "domains", "layout_token_entry", "domains_renamed", "${table_prefix}virtualuser", "b");
    assertThat(tables.matching("dinomail_virtualuser")).isPresent();
    assertThat(tables.matching("virtualuser")).isPresent();
    assertThat(tables.matching("virtualuser_x")).isEmpty();
    assertThat(tables.matching("domains_x")).isEmpty();
    assertThat(tables.matching("mailboxes_domain")).isEmpty();
  }

  @Test
  void aFolderWithoutTablesIsAnError() {
    assertThatThrownBy(() -> MigrationTables.under(migrations))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CREATE TABLE");
  }
}
