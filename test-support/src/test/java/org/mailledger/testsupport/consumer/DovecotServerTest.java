package org.mailledger.testsupport.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// A passwd-file passdb/userdb needs no database, so this proves the harness alone.
class DovecotServerTest {

  @TempDir Path dir;

  // Dovecot's auth process reads the file as the unprivileged user dovecot.
  private Path passwdFile() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path users = dir.resolve("users");
    Files.writeString(
        users,
        "alice@example.org:{PLAIN}secret:5000:5000::/srv/mail/alice::"
            + "userdb_mail=maildir:~/Maildir userdb_quota_rule=*:storage=2G\n");
    Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
    return users;
  }

  private String auth(Path users) {
    return "passdb {\n  driver = passwd-file\n  args = "
        + users
        + "\n}\nuserdb {\n  driver = passwd-file\n  args = "
        + users
        + "\n}\n";
  }

  @Test
  void answersAuthAndUserLookupsAndStopsByItsPid() throws IOException {
    Path pidFile;
    try (DovecotServer dovecot = DovecotServer.start(auth(passwdFile()), 500)) {
      assertThat(dovecot.authTest("alice@example.org", "secret")).isTrue();
      assertThat(dovecot.authTest("alice@example.org", "wrong")).isFalse();
      assertThat(dovecot.authTest("nobody@example.org", "secret")).isFalse();
      assertThat(dovecot.user("alice@example.org"))
          .containsEntry("uid", "5000")
          .containsEntry("gid", "5000")
          .containsEntry("home", "/srv/mail/alice")
          .containsEntry("mail", "maildir:~/Maildir")
          .containsEntry("quota_rule", "*:storage=2G");
      assertThat(dovecot.user("nobody@example.org")).isEmpty();
      pidFile = dovecot.configFile().resolveSibling("run").resolve("master.pid");
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      assertThat(ProcessHandle.of(pid)).isPresent();
      dovecot.close();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void includesAnAuthConfigFileAsItIs() throws IOException {
    Path authFile = dir.resolve("auth.conf.ext");
    Files.writeString(authFile, auth(passwdFile()));
    try (DovecotServer dovecot = DovecotServer.withAuthConfig(authFile, 1000)) {
      assertThat(dovecot.authTest("alice@example.org", "secret")).isTrue();
    }
  }

  // Dovecot refuses such a user with a temporary failure, not "unknown": a setup error.
  @Test
  void userBelowFirstValidUidIsAnError() throws IOException {
    try (DovecotServer dovecot = DovecotServer.start(auth(passwdFile()), 6000)) {
      assertThatThrownBy(() -> dovecot.user("alice@example.org"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exit 75");
    }
  }

  @Test
  void aPassdbThatCannotBeReadIsAnErrorNotAWrongPassword() throws IOException {
    try (DovecotServer dovecot = DovecotServer.start(auth(dir.resolve("missing")), 500)) {
      assertThatThrownBy(() -> dovecot.authTest("alice@example.org", "secret"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("temp_fail")
          .hasMessageContaining("dovecot log");
    }
  }
}
