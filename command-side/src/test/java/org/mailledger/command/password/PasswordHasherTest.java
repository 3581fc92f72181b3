package org.mailledger.command.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Secret;

class PasswordHasherTest {

  private static final String PLAIN = "correct horse battery $taple";
  private static final Secret SECRET = new Secret(PLAIN);

  // Written by `doveadm pw -s <scheme> -p secret123` (Dovecot 2.3.19) and `openssl passwd -6`, so
  // these check that Dovecot's own output is recognised and verified without Dovecot at hand.
  static final String DOVECOT_BLF_CRYPT =
      "{BLF-CRYPT}$2y$04$bT.muplYmSuBLFnnwf3DX.KOuNWYM.yYAd/5UjygI5Wy69PnVQDP.";
  static final String DOVECOT_ARGON2ID =
      "{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$A3um2ZAGRZzOUTktOdkbug"
          + "$WCKE4zlZmJ+O5raH/DPsAA+bCOWz5eoOZ2OArZzhTdM";
  static final String DOVECOT_SHA512_CRYPT =
      "{SHA512-CRYPT}$6$2lGCNVHdjPSKWp.g$AWh/FQrFs1FA/G.hnl0V.eFiplKA.fgsMAbwYlde738z0tXQ3kIn8xc"
          + "WidbWJCgeOYME478fUY0IHFj8rwt5R0";
  static final String DOVECOT_SHA512_CRYPT_ROUNDS =
      "{SHA512-CRYPT}$6$rounds=10000$Qw0yY../B53kiBCF$UPTPDk6K35nPMYyDeiXiEIN9osrde2jO0SKws7vD9N"
          + "qyqF6dSc.wG84C2Mj/dY1ijBEAodjntvSPVpys/IUSE.";
  static final String OPENSSL_SHA512_CRYPT_SHORT_SALT =
      "{SHA512-CRYPT}$6$saltsalt$4wxWeHqpAHNNJcQMSu6jvr3dQTQoGoqMQhPAP0o5Ygzna6vr4y0u6.EZzboAAqg6"
          + "dXU4q/OfcYqdrvZixR76r0";
  static final Secret DOVECOT_PLAIN = new Secret("secret123");

  /** Cheapest allowed parameters: these tests are about formats, not about hash strength. */
  static PasswordPolicy fast(PasswordScheme scheme) {
    return new PasswordPolicy(scheme, 4, 256, 1, 1, 1_000, 8);
  }

  static PasswordHasher fastHasher(PasswordScheme scheme) {
    return new PasswordHasher(fast(scheme));
  }

  @ParameterizedTest
  @EnumSource(PasswordScheme.class)
  void hashVerifiesTheRightPasswordOnly(PasswordScheme scheme) {
    PasswordHasher hasher = fastHasher(scheme);

    String hash = hasher.hash(SECRET);

    assertThat(hash).startsWith("{" + scheme.dovecotName() + "}").doesNotContain(PLAIN);
    assertThat(hasher.schemeOf(hash)).isEqualTo(scheme);
    assertThat(hasher.isPreHashed(new Secret(hash))).isTrue();
    assertThat(hasher.matches(SECRET, hash)).isTrue();
    assertThat(hasher.matches(new Secret(PLAIN + "x"), hash)).isFalse();
    assertThat(hasher.matches(new Secret("correct horse battery staple"), hash)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(PasswordScheme.class)
  void hashesAreSalted(PasswordScheme scheme) {
    PasswordHasher hasher = fastHasher(scheme);

    String first = hasher.hash(SECRET);
    String second = hasher.hash(SECRET);

    assertThat(first).isNotEqualTo(second);
    assertThat(hasher.matches(SECRET, first)).isTrue();
    assertThat(hasher.matches(SECRET, second)).isTrue();
  }

  @Test
  void bcryptUsesThe2yVariantAndTheConfiguredCost() {
    assertThat(fastHasher(PasswordScheme.BLF_CRYPT).hash(SECRET))
        .matches("\\{BLF-CRYPT}\\$2y\\$04\\$[./A-Za-z0-9]{53}");
  }

  @Test
  void argon2idCarriesTheConfiguredParameters() {
    PasswordHasher hasher =
        new PasswordHasher(new PasswordPolicy(PasswordScheme.ARGON2ID, 4, 512, 3, 2, 5_000, 8));

    // 16-byte salt and 32-byte hash, unpadded Base64, as Dovecot writes them.
    assertThat(hasher.hash(SECRET))
        .matches(
            "\\{ARGON2ID}\\$argon2id\\$v=19\\$m=512,t=3,p=2\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void sha512CryptUsesA16CharacterSaltAndNoRoundsFieldAtTheDefault() {
    PasswordHasher hasher =
        new PasswordHasher(new PasswordPolicy(PasswordScheme.SHA512_CRYPT, 4, 256, 1, 1, 5_000, 8));

    assertThat(hasher.hash(SECRET))
        .matches("\\{SHA512-CRYPT}\\$6\\$[./A-Za-z0-9]{16}\\$[./A-Za-z0-9]{86}");
  }

  @Test
  void sha512CryptWritesOtherRoundsIntoTheSalt() {
    PasswordHasher hasher =
        new PasswordHasher(new PasswordPolicy(PasswordScheme.SHA512_CRYPT, 4, 256, 1, 1, 6_000, 8));

    String hash = hasher.hash(SECRET);

    assertThat(hash)
        .matches("\\{SHA512-CRYPT}\\$6\\$rounds=6000\\$[./A-Za-z0-9]{16}\\$[./A-Za-z0-9]{86}");
    assertThat(hasher.matches(SECRET, hash)).isTrue();
  }

  static Stream<String> dovecotHashesOfSecret123() {
    return Stream.of(
        DOVECOT_BLF_CRYPT,
        DOVECOT_BLF_CRYPT.replace("$2y$", "$2a$"),
        DOVECOT_BLF_CRYPT.replace("$2y$", "$2b$"),
        DOVECOT_BLF_CRYPT.replace("{BLF-CRYPT}", "{blf-crypt}"),
        DOVECOT_ARGON2ID,
        DOVECOT_SHA512_CRYPT,
        DOVECOT_SHA512_CRYPT_ROUNDS,
        OPENSSL_SHA512_CRYPT_SHORT_SALT);
  }

  @ParameterizedTest
  @MethodSource("dovecotHashesOfSecret123")
  void existingHashesAreKeptUnchangedAndVerify(String existing) {
    // Configured for another scheme on purpose: imports keep their scheme.
    PasswordHasher hasher = fastHasher(PasswordScheme.ARGON2ID);

    assertThat(hasher.isPreHashed(new Secret(existing))).isTrue();
    assertThat(hasher.hash(new Secret(existing))).isSameAs(existing);
    assertThat(hasher.matches(DOVECOT_PLAIN, existing)).isTrue();
    assertThat(hasher.matches(new Secret("secret124"), existing)).isFalse();
  }

  @Test
  void schemeOfNamesTheSchemeOfEachDovecotHash() {
    PasswordHasher hasher = fastHasher(PasswordScheme.BLF_CRYPT);

    assertThat(hasher.schemeOf(DOVECOT_BLF_CRYPT)).isEqualTo(PasswordScheme.BLF_CRYPT);
    assertThat(hasher.schemeOf(DOVECOT_ARGON2ID)).isEqualTo(PasswordScheme.ARGON2ID);
    assertThat(hasher.schemeOf(DOVECOT_SHA512_CRYPT_ROUNDS)).isEqualTo(PasswordScheme.SHA512_CRYPT);
  }

  static Stream<String> notQuiteHashes() {
    return Stream.of(
        "{PLAIN}secret123",
        "{CLEARTEXT}secret123",
        "{MD5-CRYPT}$1$Y9v2Ux2F$0Y3bcNfMvbI8e1o3Vvu6L.",
        "{SHA256-CRYPT}$5$RNJFGNCuW4mMS1V4$1jAcy1Yn0GP2R0YS6vnO1L1iZyVb0c1sNfxmQ4V8o5/",
        "{ARGON2I}$argon2i$v=19$m=65536,t=3,p=1$A3um2ZAGRZzOUTktOdkbug"
            + "$WCKE4zlZmJ+O5raH/DPsAA+bCOWz5eoOZ2OArZzhTdM",
        // no prefix: Dovecot would fall back to its default scheme, so we cannot know it
        DOVECOT_BLF_CRYPT.substring("{BLF-CRYPT}".length()),
        DOVECOT_ARGON2ID.substring("{ARGON2ID}".length()),
        DOVECOT_SHA512_CRYPT.substring("{SHA512-CRYPT}".length()),
        // wrong prefix for the hash behind it
        DOVECOT_BLF_CRYPT.replace("{BLF-CRYPT}", "{SHA512-CRYPT}"),
        // one character short or long
        DOVECOT_BLF_CRYPT.substring(0, DOVECOT_BLF_CRYPT.length() - 1),
        DOVECOT_BLF_CRYPT + "x",
        DOVECOT_SHA512_CRYPT.substring(0, DOVECOT_SHA512_CRYPT.length() - 1),
        DOVECOT_SHA512_CRYPT + "x",
        // an Argon2 hash field of 15 bytes, and one whose length cannot be Base64
        DOVECOT_ARGON2ID.substring(0, DOVECOT_ARGON2ID.length() - 22),
        DOVECOT_ARGON2ID.substring(0, DOVECOT_ARGON2ID.length() - 2),
        // fields outside what the schemes allow
        DOVECOT_BLF_CRYPT.replace("$04$", "$03$"),
        DOVECOT_BLF_CRYPT.replace("$2y$", "$2x$"),
        DOVECOT_SHA512_CRYPT_ROUNDS.replace("rounds=10000", "rounds=999"),
        DOVECOT_SHA512_CRYPT.replace("$6$2lGCNVHdjPSKWp.g$", "$6$2lGCNVHdjPSKWp.gX$"),
        DOVECOT_ARGON2ID.replace("v=19", "v=16"),
        "{BLF-CRYPT}",
        "{ARGON2ID}$argon2id$");
  }

  @ParameterizedTest
  @MethodSource("notQuiteHashes")
  void malformedHashesAreTreatedAsPlaintext(String value) {
    // SHA512-CRYPT because most of these are longer than the 72 bytes bcrypt can take.
    PasswordHasher hasher = fastHasher(PasswordScheme.SHA512_CRYPT);
    Secret secret = new Secret(value);

    assertThat(hasher.isPreHashed(secret)).isFalse();
    assertThat(hasher.matches(DOVECOT_PLAIN, value)).isFalse();
    assertThatThrownBy(() -> hasher.schemeOf(value))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(value);

    String hash = hasher.hash(secret);

    assertThat(hash).isNotEqualTo(value).startsWith("{SHA512-CRYPT}$6$rounds=1000$");
    assertThat(hasher.matches(secret, hash)).isTrue();
  }

  @Test
  void nothingMatchesAMissingOrEmptyHash() {
    PasswordHasher hasher = fastHasher(PasswordScheme.BLF_CRYPT);

    assertThat(hasher.matches(SECRET, null)).isFalse();
    assertThat(hasher.matches(SECRET, "")).isFalse();
    assertThat(hasher.matches(SECRET, PLAIN)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(PasswordScheme.class)
  void verifiesEverySchemeWhateverIsConfigured(PasswordScheme configured) {
    PasswordHasher hasher = fastHasher(configured);

    for (PasswordScheme other : PasswordScheme.values()) {
      String hash = fastHasher(other).hash(SECRET);
      assertThat(hasher.matches(SECRET, hash)).as(other.dovecotName()).isTrue();
      assertThat(hasher.matches(new Secret("wrong password"), hash))
          .as(other.dovecotName())
          .isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"short12", "Qz7!", "\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11"})
  void tooShortPasswordsAreRefusedWithoutEchoingThem(String tooShort) {
    PasswordHasher hasher = fastHasher(PasswordScheme.BLF_CRYPT);

    assertThatThrownBy(() -> hasher.hash(new Secret(tooShort)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("password");
              assertThat(e.reason()).isEqualTo("must be at least 8 characters");
              assertThat(e.getMessage()).doesNotContain(tooShort);
              assertThat(e.toString()).doesNotContain(tooShort);
            });
  }

  @Test
  void lengthCountsCharactersNotBytesOrUtf16Units() {
    PasswordHasher hasher = fastHasher(PasswordScheme.BLF_CRYPT);
    // seven emoji: 14 UTF-16 units and 28 UTF-8 bytes, yet only 7 characters
    String sevenKeys = "\uD83D\uDD11".repeat(7);
    Secret eightUmlauts = new Secret("äöüÄÖÜßé");

    assertThatThrownBy(() -> hasher.hash(new Secret(sevenKeys)))
        .isInstanceOf(InvalidValueException.class);
    String hash = hasher.hash(eightUmlauts);
    assertThat(hasher.matches(eightUmlauts, hash)).isTrue();
    assertThat(hasher.matches(new Secret("aouAOUse"), hash)).isFalse();
  }

  @Test
  void bcryptRefusesWhatItWouldSilentlyTruncate() {
    PasswordHasher hasher = fastHasher(PasswordScheme.BLF_CRYPT);
    String tooLong = "x".repeat(73);

    assertThatThrownBy(() -> hasher.hash(new Secret(tooLong)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("password: must be at most 72 bytes with BLF-CRYPT")
        .message()
        .doesNotContain(tooLong);
    assertThat(hasher.matches(new Secret(tooLong), hasher.hash(new Secret("x".repeat(72)))))
        .isFalse();
  }

  @Test
  void otherSchemesHashLongPasswordsWhole() {
    PasswordHasher hasher = fastHasher(PasswordScheme.SHA512_CRYPT);
    String base = "y".repeat(Secret.MAX_LENGTH - 1);

    String hash = hasher.hash(new Secret(base + "a"));

    assertThat(hasher.matches(new Secret(base + "a"), hash)).isTrue();
    assertThat(hasher.matches(new Secret(base + "b"), hash)).isFalse();
  }

  @Test
  void noStringRepresentationShowsThePlaintext() {
    PasswordHasher hasher = fastHasher(PasswordScheme.BLF_CRYPT);
    String hash = hasher.hash(SECRET);

    assertThat(SECRET.toString()).doesNotContain(PLAIN);
    assertThat(hasher.toString()).doesNotContain(PLAIN).contains("BLF_CRYPT");
    assertThat(hasher.policy().toString()).doesNotContain(PLAIN);
    assertThat(hash).doesNotContain(PLAIN);
    assertThatThrownBy(() -> hasher.schemeOf(PLAIN)).message().doesNotContain(PLAIN);
  }
}
