package org.mailledger.ops.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mailledger.projection.support.SecretFields;

/**
 * Keeps secrets out of {@code ops log}, whose lines end up in terminals, tickets and files: a field
 * named like a password, hash, secret or token becomes {@code "(redacted)"}, at any depth, and so
 * does any text that looks like a Dovecot or crypt(3) hash wherever it sits, so an event type added
 * later with a differently named secret field is still covered.
 */
final class LogRedaction {

  static final String REDACTED = "(redacted)";

  private LogRedaction() {}

  static boolean isSecretName(String field) {
    return SecretFields.isSecretName(field);
  }

  static JsonNode apply(JsonNode value) {
    if (value instanceof ObjectNode object) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      object.fields().forEachRemaining(entries::add);
      for (Map.Entry<String, JsonNode> entry : entries) {
        object.set(
            entry.getKey(),
            isSecretName(entry.getKey()) && !entry.getValue().isNull()
                ? TextNode.valueOf(REDACTED)
                : apply(entry.getValue()));
      }
      return object;
    }
    if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, apply(array.get(i)));
      }
      return array;
    }
    if (value != null && value.isTextual() && SecretFields.looksLikeHash(value.asText())) {
      return TextNode.valueOf(REDACTED);
    }
    return value;
  }
}
