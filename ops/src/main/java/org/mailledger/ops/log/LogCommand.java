package org.mailledger.ops.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mailledger.ops.db.DatabaseOptions;
import org.mailledger.ops.db.Instants;
import org.mailledger.projection.fold.EventLog;
import org.mailledger.projection.fold.LogRange;
import org.mailledger.projection.fold.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops log}: the raw events of the log as JSON lines, secrets redacted. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "%n",
    header = "Print the log's events as JSON lines.",
    descriptionHeading = "%nDescription:%n",
    description = {
      "One JSON object per event, oldest first:",
      "  {position, time, type, aggregateId, sequence,",
      "   metadata: {actor, source, correlationId}, payload}",
      "Payload fields named like a password, hash, secret or token, and any value",
      "that looks like a password hash, read \"(redacted)\".",
      "--entity keeps the events whose payload names that address or domain",
      "(address, oldAddress, newAddress, recipient(s), mailboxAddress, destination,",
      "a domain event's name); case-insensitive, exact: a domain does not match",
      "the mailboxes in it. Times are UTC, --from and --to inclusive.",
      "Databases are given as for ops verify (options, -D, or environment)."
    },
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExample:%n",
    footer = {
      "  ops log --entity alice@example.org --from 2026-11-01 \\",
      "     --spring.datasource.url=jdbc:postgresql://127.0.0.1/mail | jq ."
    })
public class LogCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ADDRESS_FIELDS =
      List.of(
          "address",
          "oldAddress",
          "newAddress",
          "recipient",
          "recipients",
          "mailboxAddress",
          "destination");

  @Spec CommandSpec spec;

  @Option(
      names = "--entity",
      paramLabel = "ADDRESS_OR_DOMAIN",
      description = "Only events about this address or domain.")
  String entity;

  @Option(names = "--from", paramLabel = "T", description = "Only events at or after T.")
  String from;

  @Option(names = "--to", paramLabel = "T", description = "Only events at or before T.")
  String to;

  @Mixin DatabaseOptions databases;

  @Override
  public Integer call() {
    Instant start = time("--from", from);
    Instant end = time("--to", to);
    String wanted = entity == null ? null : entity.trim().toLowerCase(Locale.ROOT);
    PrintWriter out = spec.commandLine().getOut();
    new EventLog(databases.eventStore())
        .forEach(
            new LogRange(null, null, start, end),
            event -> {
              JsonNode payload = json(event.payload(), event);
              if (wanted == null || names(event, payload, wanted)) {
                out.println(line(event, payload));
              }
            });
    out.flush();
    return 0;
  }

  private Instant time(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instants.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  private static String line(StoredEvent event, JsonNode payload) {
    ObjectNode line = JSON.createObjectNode();
    line.put("position", event.position());
    line.put("time", event.timeStamp());
    line.put("type", event.simpleType());
    line.put("aggregateId", event.aggregateId());
    line.put("sequence", event.sequence());
    ObjectNode metadata = line.putObject("metadata");
    JsonNode meta = event.metaData() == null ? null : json(event.metaData(), event);
    for (String key : List.of("actor", "source", "correlationId")) {
      JsonNode value = meta == null ? null : meta.get(key);
      if (value == null || value.isNull()) {
        metadata.putNull(key);
      } else {
        metadata.put(key, value.asText());
      }
    }
    line.set("payload", LogRedaction.apply(payload));
    try {
      return JSON.writeValueAsString(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean names(StoredEvent event, JsonNode payload, String wanted) {
    for (String field : ADDRESS_FIELDS) {
      if (matches(payload.get(field), wanted)) {
        return true;
      }
    }
    // A domain event's name is the domain; elsewhere "name" is a person's display name.
    return event.payloadType().contains(".schema.domain.") && matches(payload.get("name"), wanted);
  }

  private static boolean matches(JsonNode value, String wanted) {
    if (value == null) {
      return false;
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (matches(item, wanted)) {
          return true;
        }
      }
      return false;
    }
    return value.isTextual() && value.asText().toLowerCase(Locale.ROOT).equals(wanted);
  }

  private static JsonNode json(byte[] bytes, StoredEvent event) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(
          "event at position " + event.position() + " is not JSON: " + e.getMessage(), e);
    }
  }
}
