package org.mailledger.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that need no database: subjects, redaction, before/after. */
class AuditChangeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
  }

  /** audit_state in memory. */
  private static final class States implements AuditState {
    final Map<String, ObjectNode> byId = new HashMap<>();

    @Override
    public ObjectNode load(String aggregateId) {
      return byId.get(aggregateId);
    }

    @Override
    public void remember(String aggregateId, ObjectNode settings) {
      byId.put(aggregateId, settings);
    }

    @Override
    public void forget(String aggregateId) {
      byId.remove(aggregateId);
    }
  }

  @Test
  void eventsOfALaterSchemaPackageAreKeptByPackageWithoutEntity() throws Exception {
    AuditSubject subject =
        AuditSubject.of(
            "org.mailledger.schema.admin.AdminCreatedEvent", json("{'login':'root@x.example'}"));
    assertThat(subject).isEqualTo(new AuditSubject("admin", null, null, null));
  }

  @Test
  void aCatchAllLiesInItsDomain() throws Exception {
    AuditSubject subject =
        AuditSubject.of(
            "org.mailledger.schema.alias.AliasCreatedEvent", json("{'address':'@X.example'}"));
    assertThat(subject).isEqualTo(new AuditSubject("alias", "@x.example", null, "x.example"));
  }

  @Test
  void hashLikeValuesAreRedactedAtAnyDepthWhateverTheirFieldName() throws Exception {
    ObjectNode fields =
        json(
            "{'imported':{'old':'$6$saltsalt$abcdefghij'},'list':['{SHA512-CRYPT}$6$x$y','ok'],"
                + "'description':'{not a hash} at all','apiTokenHash':'abc'}");
    Redaction.apply(fields, "ImportDone");
    assertThat(fields.toString())
        .isEqualTo(
            "{\"imported\":{\"old\":\"redacted\"},\"list\":[\"redacted\",\"ok\"],"
                + "\"description\":\"{not a hash} at all\",\"apiToken\":\"set\"}");
  }

  @Test
  void settingsShowOnlyWhatChangedAndFirstSightsShowValues() throws Exception {
    States states = new States();
    Tracking change = Tracking.of(org.mailledger.schema.tls.TlsPolicySetEvent.class);
    AuditSubject subject = new AuditSubject("tls-policy", "t.example", null, null);
    ObjectNode first =
        AuditChange.describe(
            json("{'destination':'t.example','policy':'may','params':'','description':''}"),
            "TlsPolicySet",
            "t.example",
            subject,
            change,
            states);
    assertThat(first.toString())
        .isEqualTo("{\"policy\":\"may\",\"params\":\"\",\"description\":\"\"}");
    ObjectNode second =
        AuditChange.describe(
            json(
                "{'destination':'t.example','policy':'may','params':'','description':'t.example'}"),
            "TlsPolicySet",
            "t.example",
            subject,
            change,
            states);
    assertThat(second.toString())
        .isEqualTo("{\"description\":{\"before\":\"\",\"after\":\"t.example\"}}");
  }
}
