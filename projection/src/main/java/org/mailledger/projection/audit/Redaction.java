package org.mailledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailledger.projection.support.SecretFields;

/**
 * Keeps secrets out of the audit history, which admins read and export: the log holds password
 * hashes (and later perhaps token hashes), the history only says that one was set or changed. Two
 * rules, so an event type added later is covered without a change here: a field named like a secret
 * ({@code passwordHash}, {@code tokenHash}, {@code secret}…) becomes {@code "password": "set"}
 * ({@code "changed"} for a …Changed event); and any string that looks like a Dovecot or crypt(3)
 * hash, wherever it sits, becomes {@code "redacted"}.
 */
final class Redaction {

  static final String REDACTED = "redacted";

  private Redaction() {}

  static boolean isSecretName(String field) {
    return SecretFields.isSecretName(field);
  }

  static boolean looksLikeHash(String value) {
    return SecretFields.looksLikeHash(value);
  }

  /** Redacts in place, at every depth. */
  static void apply(ObjectNode fields, String eventType) {
    String word = eventType.endsWith("Changed") ? "changed" : "set";
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    fields.fields().forEachRemaining(entries::add);
    for (Map.Entry<String, JsonNode> entry : entries) {
      String name = entry.getKey();
      if (isSecretName(name)) {
        fields.remove(name);
        fields.put(withoutHashSuffix(name), word);
      } else {
        fields.set(name, clean(entry.getValue(), eventType));
      }
    }
  }

  private static JsonNode clean(JsonNode value, String eventType) {
    if (value.isTextual()) {
      return looksLikeHash(value.asText()) ? TextNode.valueOf(REDACTED) : value;
    }
    if (value instanceof ObjectNode object) {
      apply(object, eventType);
      return object;
    }
    if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, clean(array.get(i), eventType));
      }
    }
    return value;
  }

  private static String withoutHashSuffix(String name) {
    if (name.length() > 4 && name.toLowerCase(Locale.ROOT).endsWith("hash")) {
      return name.substring(0, name.length() - 4);
    }
    return name;
  }
}
