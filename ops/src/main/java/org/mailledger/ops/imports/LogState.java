package org.mailledger.ops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Mailledger holds already, read without writing: which of the import's aggregates the log
 * knows (and the fingerprint of the source row each was created from), and the names and addresses
 * the command side's claims hold. This is what makes a second run skip what the first one wrote,
 * and what lets a dry run predict conflicts.
 */
final class LogState {

  static final String FINGERPRINT = "importFingerprint";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 500;

  /** The import-relevant history of one aggregate. */
  record History(String fingerprint, List<String> eventTypes) {

    boolean deleted() {
      return !eventTypes.isEmpty()
          && eventTypes.get(eventTypes.size() - 1).endsWith("DeletedEvent");
    }

    boolean has(String eventType) {
      return eventTypes.contains(eventType);
    }
  }

  private final Map<String, History> histories;
  private final Map<String, String> domainOwners;
  private final Map<String, String> addressOwners;

  LogState(
      Map<String, History> histories,
      Map<String, String> domainOwners,
      Map<String, String> addressOwners) {
    this.histories = histories;
    this.domainOwners = domainOwners;
    this.addressOwners = addressOwners;
  }

  static LogState empty() {
    return new LogState(Map.of(), Map.of(), Map.of());
  }

  /** Reads the histories of {@code aggregateIds} and every claim. */
  static LogState read(DataSource eventStore, Collection<String> aggregateIds) {
    JdbcTemplate jdbc = new JdbcTemplate(eventStore);
    Map<String, History> histories = new HashMap<>();
    List<String> ids = new ArrayList<>(aggregateIds);
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
      Map<String, List<String>> types = new HashMap<>();
      Map<String, String> fingerprints = new HashMap<>();
      jdbc.query(
          "SELECT aggregate_identifier, sequence_number, payload_type, meta_data FROM"
              + " domain_event_entry WHERE aggregate_identifier IN ("
              + marks
              + ") ORDER BY aggregate_identifier, sequence_number",
          rs -> {
            String id = rs.getString(1);
            String type = rs.getString(3);
            types.computeIfAbsent(id, k -> new ArrayList<>()).add(simpleName(type));
            if (rs.getLong(2) == 0) {
              fingerprints.put(id, fingerprint(rs.getBytes(4)));
            }
          },
          batch.toArray());
      types.forEach((id, list) -> histories.put(id, new History(fingerprints.get(id), list)));
    }
    Map<String, String> domains = new HashMap<>();
    jdbc.query(
        "SELECT name, domain_id FROM claim_domain",
        rs -> {
          domains.put(rs.getString(1), rs.getString(2));
        });
    Map<String, String> addresses = new HashMap<>();
    jdbc.query(
        "SELECT address, owner_id FROM claim_address",
        rs -> {
          addresses.put(rs.getString(1), rs.getString(2));
        });
    return new LogState(histories, domains, addresses);
  }

  History history(String aggregateId) {
    return histories.get(aggregateId);
  }

  /** The id of the domain that holds this name in Mailledger, or null. */
  String domainOwner(String asciiName) {
    return domainOwners.get(asciiName);
  }

  /** The id of the mailbox or alias that holds this address in Mailledger, or null. */
  String addressOwner(String address) {
    return addressOwners.get(address);
  }

  private static String simpleName(String payloadType) {
    return payloadType.substring(payloadType.lastIndexOf('.') + 1);
  }

  private static String fingerprint(byte[] metaData) {
    if (metaData == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(metaData);
      JsonNode value = node == null ? null : node.get(FINGERPRINT);
      return value == null || value.isNull() ? null : value.asText();
    } catch (IOException e) {
      return null;
    }
  }
}
