package org.mailledger.command.alias;

import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.invalid;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.value.EmailAddress;

/**
 * What an alias's recipients and senders must be. {@link Alias} and {@link AliasCommandHandler}
 * call these with the claims, {@code ops import} with the rows it is about to send, so that both
 * refuse the same aliases for the same reasons.
 */
public final class AliasRules {

  /** The most recipients one alias takes. */
  public static final int MAX_RECIPIENTS = 1000;

  private static final String TOO_MANY_RECIPIENTS =
      "an alias takes at most " + MAX_RECIPIENTS + " recipients";

  private AliasRules() {}

  /**
   * The recipients of a new alias, as addresses: at least one, at most {@link #MAX_RECIPIENTS},
   * none twice and none the alias itself.
   *
   * @throws RuleViolationException {@code no-recipient}, {@code too-many-recipients}, {@code
   *     alias-loop} or {@code duplicate-recipient}
   */
  public static List<String> requireRecipients(String self, List<EmailAddress> recipients) {
    if (recipients.isEmpty()) {
      throw invalid("no-recipient", "an alias needs at least one recipient");
    }
    if (recipients.size() > MAX_RECIPIENTS) {
      throw invalid("too-many-recipients", TOO_MANY_RECIPIENTS);
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (EmailAddress recipient : recipients) {
      requireNotSelf(self, recipient.toString());
      if (!distinct.add(recipient.toString())) {
        throw invalid("duplicate-recipient", recipient + " is listed twice");
      }
    }
    return List.copyOf(distinct);
  }

  /**
   * An alias that holds {@code recipients} takes one more: a conflict with its state, where too
   * many in a new alias are invalid input.
   *
   * @throws RuleViolationException {@code too-many-recipients}
   */
  public static void requireRoomForRecipient(int recipients) {
    if (recipients >= MAX_RECIPIENTS) {
      throw conflict("too-many-recipients", TOO_MANY_RECIPIENTS);
    }
  }

  /**
   * An alias never forwards to itself.
   *
   * @throws RuleViolationException {@code alias-loop}
   */
  public static void requireNotSelf(String self, String recipient) {
    if (self.equals(recipient)) {
      throw invalid("alias-loop", "an alias must not forward to itself");
    }
  }

  /**
   * A recipient in a domain hosted here must be a mailbox or an alias, or mail to the alias would
   * bounce.
   *
   * @param hostedDomain whether a domain (by its ASCII name) is hosted here
   * @param knownAddress whether an address is a mailbox or an alias
   * @throws RuleViolationException {@code unknown-recipient}
   */
  public static void requireKnownIfHosted(
      EmailAddress recipient, Predicate<String> hostedDomain, Predicate<String> knownAddress) {
    if (hostedDomain.test(recipient.domain().ascii()) && !knownAddress.test(recipient.toString())) {
      throw invalid(
          "unknown-recipient",
          recipient + " is in a domain hosted here but is neither a mailbox nor an alias");
    }
  }

  /** Only a mailbox can send as an alias: the refusal for an address that is none. */
  public static RuleViolationException senderNotAMailbox(EmailAddress address) {
    return invalid(
        "sender-not-a-mailbox", address + " is not a mailbox; only mailboxes can send as an alias");
  }
}
