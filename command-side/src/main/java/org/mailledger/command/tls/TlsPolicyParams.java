package org.mailledger.command.tls;

import static org.mailledger.command.error.RuleViolationException.invalid;

import java.util.Set;
import java.util.regex.Pattern;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.InvalidValueException;

/**
 * What a TLS policy's attributes may be. {@link TlsPolicy} and {@code ops import} call the same
 * check, so that an import reports an attribute the command side would refuse before sending it.
 */
public final class TlsPolicyParams {

  private static final Set<String> ATTRIBUTES =
      Set.of("match", "ciphers", "protocols", "exclude", "servername", "connection_reuse");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-z_]+)=([A-Za-z0-9!+.:_=,/<>\\[\\]-]+)");

  private TlsPolicyParams() {}

  /**
   * Attributes as smtp_tls_policy_maps takes them after the level: space-separated name=value,
   * values without spaces, quotes or '%'; match only where the level checks a certificate.
   *
   * @return the attributes separated by single spaces, empty for none
   * @throws RuleViolationException {@code tls-params}
   * @throws InvalidValueException for text over 1000 characters or with a control character
   */
  public static String checked(TlsPolicyLevel level, String params) {
    String text = FreeText.of("params", params, 1000);
    if (text.isEmpty()) {
      if (level == TlsPolicyLevel.FINGERPRINT) {
        throw invalid(
            "tls-params", "the fingerprint level needs match=<fingerprint>[:<fingerprint>...]");
      }
      return "";
    }
    boolean hasMatch = false;
    for (String attribute : text.split("\\s+")) {
      var matcher = ATTRIBUTE.matcher(attribute);
      if (!matcher.matches() || !ATTRIBUTES.contains(matcher.group(1))) {
        throw invalid(
            "tls-params",
            "params must be space-separated name=value pairs with names among "
                + String.join(", ", ATTRIBUTES.stream().sorted().toList()));
      }
      if (matcher.group(1).equals("match")) {
        if (!level.takesMatch()) {
          throw invalid(
              "tls-params", "match= applies only to the fingerprint, verify and secure levels");
        }
        hasMatch = true;
      }
    }
    if (level == TlsPolicyLevel.FINGERPRINT && !hasMatch) {
      throw invalid(
          "tls-params", "the fingerprint level needs match=<fingerprint>[:<fingerprint>...]");
    }
    return String.join(" ", text.split("\\s+"));
  }
}
