package org.mailledger.testsupport.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// texthash needs no database, so this proves the harness alone; the SQL maps are proven in ops.
class PostfixMapsTest {

  @TempDir Path dir;
  private PostfixMaps postfix;
  private String map;

  @BeforeEach
  void setUp() throws IOException {
    postfix = PostfixMaps.create();
    Path table = dir.resolve("table.txt");
    Files.writeString(table, "alice@example.org alice@example.net,bob@example.net\n");
    // Postfix waits about 2 s on each lookup while a table file looks freshly written.
    Files.setLastModifiedTime(table, FileTime.from(Instant.now().minusSeconds(120)));
    map = "texthash:" + table;
  }

  @AfterEach
  void tearDown() {
    postfix.close();
  }

  @Test
  void answersAFoundKey() {
    assertThat(postfix.query("alice@example.org", map))
        .contains("alice@example.net,bob@example.net");
  }

  @Test
  void answersEmptyForAMissingKey() {
    assertThat(postfix.query("carol@example.org", map)).isEmpty();
  }

  @Test
  void throwsWithStderrWhenTheLookupFails() {
    assertThatThrownBy(() -> postfix.query("x", "texthash:" + dir.resolve("missing.txt")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fatal:")
        .hasMessageContaining("missing.txt");
  }

  @Test
  void usesItsOwnConfigDirectoryAndDeletesIt() {
    Path config = postfix.configDir();
    assertThat(config.resolve("main.cf")).exists();
    postfix.close();
    assertThat(config).doesNotExist();
  }
}
