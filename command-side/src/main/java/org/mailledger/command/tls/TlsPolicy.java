package org.mailledger.command.tls;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.mailledger.command.error.RuleViolationException.invalid;
import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.mailledger.schema.tls.RemoveTlsPolicyCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;
import org.mailledger.schema.value.FreeText;

/**
 * The outgoing TLS policy for one destination domain, identified by that domain's name. It can be
 * set, changed, removed and set again, so it is never marked deleted.
 */
@Aggregate
public class TlsPolicy {

  private static final Set<String> ATTRIBUTES =
      Set.of("match", "ciphers", "protocols", "exclude", "servername", "connection_reuse");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-z_]+)=([A-Za-z0-9!+.:_=,/<>\\[\\]-]+)");

  @AggregateIdentifier private String destination;
  private boolean present;
  private String policy;
  private String params;
  private String description;

  protected TlsPolicy() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(SetTlsPolicyCommand command) {
    String newParams = checkedParams(command.policy(), command.params());
    String newDescription = FreeText.description(command.description());
    String newPolicy = command.policy().postfixName();
    if (present
        && newPolicy.equals(policy)
        && newParams.equals(params)
        && newDescription.equals(description)) {
      return;
    }
    apply(
        new TlsPolicySetEvent(command.destination().ascii(), newPolicy, newParams, newDescription));
  }

  @CommandHandler
  void handle(RemoveTlsPolicyCommand command) {
    if (!present) {
      throw notFound("unknown-tls-policy", "no TLS policy for " + command.destination());
    }
    apply(new TlsPolicyRemovedEvent(destination));
  }

  /**
   * Attributes as smtp_tls_policy_maps takes them after the level: space-separated name=value,
   * values without spaces, quotes or '%'; match only where the level checks a certificate.
   */
  static String checkedParams(TlsPolicyLevel level, String params) {
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

  @EventSourcingHandler
  void on(TlsPolicySetEvent event) {
    destination = event.destination();
    present = true;
    policy = event.policy();
    params = event.params();
    description = event.description();
  }

  @EventSourcingHandler
  void on(TlsPolicyRemovedEvent event) {
    present = false;
  }
}
