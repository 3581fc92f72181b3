package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.MailEvents;

/** The samples the event-coverage tests run on: one per event type of the log, no more. */
class EventSamplesTest {

  @Test
  void haveASampleOfEveryEventInMailEvents() {
    Set<Class<?>> events = new HashSet<>(MailEvents.all());
    events.addAll(MailEvents.admin());

    assertThat(EventSamples.types()).containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void keepTheMailSetupApartFromAdminAccounts() {
    assertThat(EventSamples.MAIL)
        .map(Object::getClass)
        .containsExactlyInAnyOrderElementsOf(MailEvents.all());
    assertThat(EventSamples.ADMIN)
        .map(Object::getClass)
        .containsExactlyInAnyOrderElementsOf(MailEvents.admin());
  }
}
