package org.mailledger.projection.postfixadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailledger.projection.EventSamples;
import org.mailledger.projection.support.DomainSequencingPolicy;
import org.mailledger.schema.aliasdomain.AliasDomainEvent;

/** postfixadmin sequences as every layout, but an alias domain by its own name. */
class PostfixAdminSequencingPolicyTest {

  private final PostfixAdminSequencingPolicy policy = new PostfixAdminSequencingPolicy();
  private final DomainSequencingPolicy byDomain = new DomainSequencingPolicy();

  static Stream<Object> aliasDomainEvents() {
    return EventSamples.MAIL.stream().filter(AliasDomainEvent.class::isInstance);
  }

  @ParameterizedTest
  @MethodSource("aliasDomainEvents")
  void sequencesAnAliasDomainByItsOwnName(Object event) {
    assertThat(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(event)))
        .isEqualTo(EventSamples.ALIAS_DOMAIN);
  }

  static Stream<Object> otherEvents() {
    return Stream.concat(EventSamples.MAIL.stream(), EventSamples.ADMIN.stream())
        .filter(e -> !(e instanceof AliasDomainEvent));
  }

  @ParameterizedTest
  @MethodSource("otherEvents")
  void sequencesEveryOtherEventByDomain(Object event) {
    EventMessage<?> message = GenericEventMessage.asEventMessage(event);

    assertThat(policy.getSequenceIdentifierFor(message))
        .isEqualTo(byDomain.getSequenceIdentifierFor(message));
  }
}
