package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which stored password values an import keeps, and how it names the ones it does not. */
class PasswordHashesTest {

  private static final String BCRYPT = RoundTrip.bcrypt();
  private static final String SHA512 = RoundTrip.sha512Crypt();

  @Test
  void keepsTheThreeSchemesWithTheirPrefix() {
    assertThat(PasswordHashes.classify("{BLF-CRYPT}" + BCRYPT).hash())
        .isEqualTo("{BLF-CRYPT}" + BCRYPT);
    assertThat(PasswordHashes.classify("{SHA512-CRYPT}" + SHA512).hash())
        .isEqualTo("{SHA512-CRYPT}" + SHA512);
  }

  @Test
  void addsThePrefixToBareCryptStringsAndToCrypt() {
    assertThat(PasswordHashes.classify(BCRYPT).hash()).isEqualTo("{BLF-CRYPT}" + BCRYPT);
    assertThat(PasswordHashes.classify(SHA512).hash()).isEqualTo("{SHA512-CRYPT}" + SHA512);
    assertThat(PasswordHashes.classify("{CRYPT}" + SHA512).hash())
        .isEqualTo("{SHA512-CRYPT}" + SHA512);
    String bcrypt2b = "$2b$" + BCRYPT.substring(4);
    assertThat(PasswordHashes.classify(bcrypt2b).hash()).isEqualTo("{BLF-CRYPT}" + bcrypt2b);
  }

  @Test
  void namesTheSchemesItDoesNotKeep() {
    assertThat(PasswordHashes.classify(RoundTrip.md5Crypt()).problem()).contains("MD5-CRYPT");
    assertThat(PasswordHashes.classify("{MD5-CRYPT}" + RoundTrip.md5Crypt()).problem())
        .contains("MD5-CRYPT");
    assertThat(PasswordHashes.classify("{SSHA512}abcd").problem()).contains("SSHA512");
    assertThat(PasswordHashes.classify("{PLAIN}secret").problem()).contains("PLAIN");
    assertThat(PasswordHashes.classify("$5$salt$hash").problem()).contains("SHA256-CRYPT");
    assertThat(PasswordHashes.classify("$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA").problem())
        .contains("ARGON2I");
  }

  @Test
  void neverKeepsAPlaintextNorEchoesIt() {
    PasswordHashes.Outcome plain = PasswordHashes.classify("correct horse battery");
    assertThat(plain.kept()).isFalse();
    assertThat(plain.problem()).doesNotContain("horse").contains("no recognisable hash");
    assertThat(plain.toString()).doesNotContain("horse");
    assertThat(PasswordHashes.classify("").kept()).isFalse();
    assertThat(PasswordHashes.classify(null).kept()).isFalse();
  }

  @Test
  void refusesAMalformedHashOfAKeptScheme() {
    assertThat(PasswordHashes.classify("{BLF-CRYPT}$2y$10$tooshort").problem())
        .contains("malformed BLF-CRYPT");
    assertThat(PasswordHashes.classify("$6$salt$short").problem()).contains("malformed");
  }

  @Test
  void sourceUrlsLoseTheirPassword() {
    assertThat(JdbcUrls.withoutPassword("jdbc:mysql://db:3306/postfix?user=pf&password=s3cret"))
        .isEqualTo("jdbc:mysql://db:3306/postfix?user=pf&password=****");
    assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://u:s3cret@db/dinomail"))
        .isEqualTo("jdbc:postgresql://u@db/dinomail");
  }
}
