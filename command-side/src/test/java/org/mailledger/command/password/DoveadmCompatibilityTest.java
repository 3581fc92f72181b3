package org.mailledger.command.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailledger.schema.value.Secret;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;

/** Proves that what PasswordHasher writes is what Dovecot accepts at login, and vice versa. */
class DoveadmCompatibilityTest {

  // Spaces and shell characters: doveadm gets its arguments without a shell in between, and these
  // show it.
  private static final String PLAIN = "Tr0ub4dor & 'co' $HOME";
  private static final Secret SECRET = new Secret(PLAIN);

  @TempDir static Path workDir;

  private static Doveadm doveadm;

  @BeforeAll
  static void findDoveadm() throws Exception {
    doveadm = Doveadm.start(workDir);
  }

  static Stream<Arguments> policies() {
    PasswordPolicy d = PasswordPolicy.defaults();
    return Stream.of(
        Arguments.of("BLF-CRYPT cost 4", PasswordHasherTest.fast(PasswordScheme.BLF_CRYPT)),
        Arguments.of("ARGON2ID small", PasswordHasherTest.fast(PasswordScheme.ARGON2ID)),
        Arguments.of(
            "ARGON2ID 2 lanes",
            new PasswordPolicy(PasswordScheme.ARGON2ID, 4, 1_024, 2, 2, 5_000, 8)),
        Arguments.of(
            "SHA512-CRYPT rounds=1000", PasswordHasherTest.fast(PasswordScheme.SHA512_CRYPT)),
        Arguments.of("defaults (BLF-CRYPT cost 10)", d),
        Arguments.of("ARGON2ID defaults", withScheme(d, PasswordScheme.ARGON2ID)),
        Arguments.of("SHA512-CRYPT defaults", withScheme(d, PasswordScheme.SHA512_CRYPT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void dovecotVerifiesOurHashes(String description, PasswordPolicy policy) throws Exception {
    String hash = new PasswordHasher(policy).hash(SECRET);

    DoveadmResult result = doveadm.verify(hash, PLAIN);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(hash + " (verified)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void dovecotRejectsTheWrongPassword(String description, PasswordPolicy policy) throws Exception {
    String hash = new PasswordHasher(policy).hash(SECRET);

    DoveadmResult result = doveadm.verify(hash, PLAIN + " ");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).doesNotContain("(verified)");
  }

  @ParameterizedTest
  @EnumSource(
      value = BCryptVersion.class,
      names = {"$2A", "$2B"})
  void olderBcryptVariantsAreKeptAndDovecotVerifiesThem(BCryptVersion version) throws Exception {
    String hash = "{BLF-CRYPT}" + new BCryptPasswordEncoder(version, 4).encode(PLAIN);
    PasswordHasher hasher = new PasswordHasher(PasswordPolicy.defaults());

    assertThat(hash).startsWith("{BLF-CRYPT}" + version.getVersion() + "$04$");
    assertThat(hasher.hash(new Secret(hash))).isSameAs(hash);
    assertThat(hasher.matches(SECRET, hash)).isTrue();
    assertThat(doveadm.verify(hash, PLAIN).verified()).isTrue();
    assertThat(doveadm.verify(hash, "not " + PLAIN).exitCode()).isNotZero();
  }

  @ParameterizedTest
  @EnumSource(PasswordScheme.class)
  void weKeepAndVerifyHashesWrittenByDovecot(PasswordScheme scheme) throws Exception {
    String hash = doveadm.hash(scheme, PLAIN);
    PasswordHasher hasher = new PasswordHasher(PasswordHasherTest.fast(PasswordScheme.BLF_CRYPT));

    assertThat(hasher.schemeOf(hash)).isEqualTo(scheme);
    assertThat(hasher.hash(new Secret(hash))).isSameAs(hash);
    assertThat(hasher.matches(SECRET, hash)).isTrue();
    assertThat(hasher.matches(new Secret(PLAIN + " "), hash)).isFalse();
  }

  @Test
  void aMissingDoveadmFailsTheBuildInsteadOfSkipping() {
    assertThatThrownBy(() -> Doveadm.locate(List.of(workDir.resolve("no-such-dir"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("install dovecot-core (bin/test does it)");
  }

  private static PasswordPolicy withScheme(PasswordPolicy p, PasswordScheme scheme) {
    return new PasswordPolicy(
        scheme,
        p.bcryptCost(),
        p.argon2MemoryKib(),
        p.argon2Iterations(),
        p.argon2Parallelism(),
        p.sha512Rounds(),
        p.minLength());
  }
}
