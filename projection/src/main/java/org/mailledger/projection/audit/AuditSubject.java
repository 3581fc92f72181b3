package org.mailledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What an event is about, by a rule that needs no list of event classes, so an event type added
 * later is recorded without a change here: events of the schema packages {@code domain}, {@code
 * mailbox}, {@code alias}, {@code aliasdomain} and {@code tls} name their subject in conventional
 * fields ({@code name}, {@code address}, {@code newAddress}/{@code oldAddress}, {@code
 * aliasDomain}/{@code targetDomain}, {@code destination}). Any other event is recorded with the
 * schema package as its kind ({@code org.mailledger.schema.admin} gives {@code admin}, anything
 * outside the schema gives {@code other}) and no entity, which shows it to SUPERADMINs only.
 *
 * @param kind domain, mailbox, alias, alias-domain, tls-policy, or the package of an event kind met
 *     later
 * @param entity the address or domain, lower-case ASCII; null when the event is about neither
 * @param entityBefore a renamed mailbox's old address
 * @param domain the managed domain the entity lies in (an alias domain's target), deciding what a
 *     DOMAIN_ADMIN sees; null for TLS policies, which are server-wide settings, and for events
 *     about no entity
 */
public record AuditSubject(String kind, String entity, String entityBefore, String domain) {

  static final String SCHEMA_PACKAGE = "org.mailledger.schema.";

  public static AuditSubject of(String payloadType, JsonNode fields) {
    int dot = payloadType.lastIndexOf('.');
    String pkg = dot < 0 ? "" : payloadType.substring(0, dot);
    if (!pkg.startsWith(SCHEMA_PACKAGE)) {
      return new AuditSubject("other", null, null, null);
    }
    String area = pkg.substring(SCHEMA_PACKAGE.length());
    switch (area) {
      case "domain":
        {
          String name = text(fields, "name");
          return new AuditSubject("domain", name, null, name);
        }
      case "mailbox":
        {
          String address = text(fields, "newAddress");
          if (address == null) {
            address = text(fields, "address");
          }
          return new AuditSubject(
              "mailbox", address, text(fields, "oldAddress"), domainOf(address));
        }
      case "alias":
        {
          String address = text(fields, "address");
          return new AuditSubject("alias", address, null, domainOf(address));
        }
      case "aliasdomain":
        return new AuditSubject(
            "alias-domain", text(fields, "aliasDomain"), null, text(fields, "targetDomain"));
      case "tls":
        return new AuditSubject("tls-policy", text(fields, "destination"), null, null);
      default:
        return new AuditSubject(area, null, null, null);
    }
  }

  /** The domain part of an address ({@code @domain} for a catch-all), or the domain itself. */
  public static String domainOf(String entity) {
    if (entity == null) {
      return null;
    }
    return entity.substring(entity.lastIndexOf('@') + 1);
  }

  private static String text(JsonNode fields, String name) {
    JsonNode value = fields.get(name);
    return value == null || !value.isTextual() ? null : value.asText().toLowerCase(Locale.ROOT);
  }
}
