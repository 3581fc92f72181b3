package org.mailledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.value.Quota;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The limit rule is stated twice on purpose: in SQL, where the claims check and count in one
 * statement under the domain row's lock, and as {@link DomainLimits#hasRoomFor}, which the import
 * plans with. Both must take and refuse the same addresses.
 */
class DomainLimitsInClaimsTest extends CommandSideTestBase {

  @Autowired Claims claims;

  @ParameterizedTest
  @CsvSource({"MAILBOX, 0", "MAILBOX, 1", "MAILBOX, 3", "ALIAS, 0", "ALIAS, 2"})
  void theClaimsTakeAnAddressExactlyWhenTheLimitsHaveRoom(ClaimKind kind, int limit) {
    String domain = uniqueDomain();
    String domainId = id();
    int maxMailboxes = kind == ClaimKind.MAILBOX ? limit : 0;
    int maxAliases = kind == ClaimKind.ALIAS ? limit : 0;
    DomainLimits limits =
        DomainLimits.checked(Quota.UNLIMITED, Quota.UNLIMITED, maxMailboxes, maxAliases);
    claims.claimDomain(domainId, domain, limits);
    List<Boolean> taken = new ArrayList<>();
    List<Boolean> room = new ArrayList<>();
    int held = 0;
    for (int i = 0; i < 5; i++) {
      room.add(limits.hasRoomFor(kind, held));
      try {
        claims.claimAddress("a" + i + "@" + domain, kind, id(), domainId);
        taken.add(true);
        held++;
      } catch (RuleViolationException e) {
        assertThat(e.type()).endsWith("-limit-reached");
        taken.add(false);
      }
    }
    assertThat(taken).isEqualTo(room);
    assertThat(taken).contains(true);
  }
}
