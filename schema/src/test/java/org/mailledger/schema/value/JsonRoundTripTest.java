package org.mailledger.schema.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Values travel in commands and events as plain JSON strings and numbers, not as objects. */
class JsonRoundTripTest {

  private final ObjectMapper mapper = new ObjectMapper();

  private <T> T roundTrip(T value, String expectedJson, Class<T> type) throws Exception {
    String json = mapper.writeValueAsString(value);
    assertThat(json).isEqualTo(expectedJson);
    return mapper.readValue(json, type);
  }

  @Test
  void domainNameIsPlainString() throws Exception {
    DomainName domain = DomainName.of("B\u00fccher.Example");
    assertThat(roundTrip(domain, "\"xn--bcher-kva.example\"", DomainName.class)).isEqualTo(domain);
  }

  @Test
  void localPartIsPlainString() throws Exception {
    LocalPart local = LocalPart.of("First.Last");
    assertThat(roundTrip(local, "\"first.last\"", LocalPart.class)).isEqualTo(local);
  }

  @Test
  void emailAddressIsPlainString() throws Exception {
    EmailAddress address = EmailAddress.parse("User@Example.org");
    assertThat(roundTrip(address, "\"user@example.org\"", EmailAddress.class)).isEqualTo(address);
  }

  @Test
  void aliasAddressIsPlainString() throws Exception {
    AliasAddress alias = AliasAddress.parse("info@example.org");
    assertThat(roundTrip(alias, "\"info@example.org\"", AliasAddress.class)).isEqualTo(alias);
  }

  @Test
  void catchAllAliasIsPlainString() throws Exception {
    AliasAddress alias = AliasAddress.parse("*@example.org");
    assertThat(roundTrip(alias, "\"@example.org\"", AliasAddress.class)).isEqualTo(alias);
  }

  @Test
  void quotaIsPlainNumber() throws Exception {
    Quota quota = Quota.ofGigabytes(2);
    assertThat(roundTrip(quota, "2147483648", Quota.class)).isEqualTo(quota);
  }

  @Test
  void unlimitedQuotaIsZero() throws Exception {
    assertThat(roundTrip(Quota.UNLIMITED, "0", Quota.class)).isEqualTo(Quota.UNLIMITED);
  }

  @Test
  void secretIsReadFromPlainStringButWrittenMasked() throws Exception {
    assertThat(mapper.readValue("\"hunter2\"", Secret.class)).isEqualTo(Secret.of("hunter2"));
    assertThat(mapper.writeValueAsString(Secret.of("hunter2"))).isEqualTo("\"****\"");
  }

  @Test
  void rejectsInvalidDomainNameInJson() {
    assertThatThrownBy(() -> mapper.readValue("\"exa%mple.org\"", DomainName.class))
        .isInstanceOf(JsonMappingException.class)
        .hasRootCauseInstanceOf(InvalidValueException.class);
  }

  @Test
  void rejectsNegativeQuotaInJson() {
    assertThatThrownBy(() -> mapper.readValue("-1", Quota.class))
        .isInstanceOf(JsonMappingException.class)
        .hasRootCauseInstanceOf(InvalidValueException.class);
  }
}
