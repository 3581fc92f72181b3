package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailledger.projection.fold.DinoMailFold;
import org.mailledger.projection.fold.EventLog;
import org.mailledger.projection.fold.Fold;
import org.mailledger.projection.fold.MumFold;
import org.mailledger.projection.fold.PostfixAdminFold;
import org.mailledger.projection.fold.StoredEvent;
import org.mailledger.projection.layout.LayoutProjection;
import org.mailledger.projection.layout.LayoutWriter;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.WriteBatch;
import org.mailledger.projection.progress.LayoutGroups;
import org.mailledger.schema.MailEvent;
import org.mailledger.schema.MailEvents;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.alias.AliasSenderRemovedEvent;
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every layout's writer and fold handle every event of the mail setup, or say here why not: a new
 * event without a case in a writer or a fold (both dispatch on {@code Object}, so the compiler
 * cannot tell) fails this test instead of being dropped in silence. The writer and the fold of a
 * layout ignore the same events, since the fold is the writer's cross-check in {@code ops verify}.
 */
class LayoutsHandleEveryEventTest {

  /** What a layout leaves out, and why; a layout not named here must handle every event. */
  private static final Map<String, Set<Class<? extends MailEvent>>> IGNORED =
      Map.of(
          // PostfixAdmin's tables have no column for senders, send-only flags, alias descriptions
          // or TLS policies (see PostfixAdminWriter).
          "postfixadmin",
          Set.of(
              MailboxSendOnlyChangedEvent.class,
              AliasSenderAddedEvent.class,
              AliasSenderRemovedEvent.class,
              AliasDescriptionChangedEvent.class,
              TlsPolicySetEvent.class,
              TlsPolicyRemovedEvent.class),
          // DinoMail's tables have no column for domain settings, mailbox names, send-only flags,
          // senders, alias descriptions or TLS policies (see DinoMailWriter).
          "dinomail",
          Set.of(
              DomainSettingsChangedEvent.class,
              MailboxNameChangedEvent.class,
              MailboxSendOnlyChangedEvent.class,
              AliasSenderAddedEvent.class,
              AliasSenderRemovedEvent.class,
              AliasDescriptionChangedEvent.class,
              TlsPolicySetEvent.class,
              TlsPolicyRemovedEvent.class));

  /** Each layout's in-memory fold, as {@code ops verify} builds it. */
  private static final Map<String, Supplier<Fold>> FOLDS =
      Map.of(
          "mum",
          MumFold::new,
          "postfixadmin",
          PostfixAdminFold::new,
          "dinomail",
          () -> new DinoMailFold(Layouts.DEFAULT_SETTINGS.dinomail().tablePrefix()));

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void knowsTheFoldOfEveryLayout() {
    assertThat(FOLDS.keySet()).containsExactlyInAnyOrderElementsOf(Layouts.NAMES);
    assertThat(Layouts.NAMES).containsAll(IGNORED.keySet());
  }

  /**
   * A layout's Axon processor must hand every event on: a projection with a handler per event type
   * (mum's) needs one for each, one handling {@code Object} passes them all to its writer.
   */
  @Test
  void everyLayoutProcessorHasAHandlerForEveryEvent() throws Exception {
    // Every layout's processor runs one LayoutProjection (assigned to its group by instance), so
    // its handlers must take every event; no class may claim a layout's group by annotation.
    List<Class<?>> handled = handledTypes(LayoutProjection.class);
    for (Class<?> event : MailEvents.all()) {
      assertThat(handled)
          .as("LayoutProjection has an @EventHandler for %s", event.getSimpleName())
          .anyMatch(type -> type.isAssignableFrom(event));
    }
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
    for (var candidate : scanner.findCandidateComponents("org.mailledger.projection")) {
      Class<?> projection = Class.forName(candidate.getBeanClassName());
      assertThat(projection.getAnnotation(ProcessingGroup.class).value())
          .as("%s claims a layout's processing group", projection.getSimpleName())
          .doesNotStartWith(LayoutGroups.PREFIX);
    }
  }

  /** The payload types of a class's event handlers, inherited ones included. */
  private static List<Class<?>> handledTypes(Class<?> projection) {
    List<Class<?>> types = new ArrayList<>();
    for (Class<?> c = projection; c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        EventHandler handler = method.getAnnotation(EventHandler.class);
        if (handler != null) {
          types.add(
              handler.payloadType() != Object.class
                  ? handler.payloadType()
                  : method.getParameterTypes()[0]);
        }
      }
    }
    return types;
  }

  static Stream<Arguments> layoutsAndEvents() {
    return Layouts.NAMES.stream()
        .flatMap(layout -> EventSamples.MAIL.stream().map(event -> Arguments.of(layout, event)));
  }

  @ParameterizedTest(name = "{0} writes {1}")
  @MethodSource("layoutsAndEvents")
  void theWriterHandlesTheEventOrSaysWhyNot(String layout, Object event) {
    boolean ignored = ignored(layout, event);
    for (Dialect dialect : Dialect.values()) {
      LayoutWriter writer = Layouts.describe(layout, Layouts.DEFAULT_SETTINGS).writer(dialect);
      WriteBatch batch = writer.newBatch();

      boolean applied = writer.apply(event, START, batch);

      assertThat(applied)
          .as(
              "%s writer on %s applies %s (or the event belongs in IGNORED with the reason)",
              layout, dialect, event.getClass().getSimpleName())
          .isEqualTo(!ignored);
      assertThat(batch.isEmpty()).as("%s writes for it on %s", layout, dialect).isEqualTo(ignored);
    }
  }

  @ParameterizedTest(name = "{0} leaves out {1}")
  @MethodSource("adminEvents")
  void noWriterTouchesAnAdminEvent(String layout, Object event) {
    for (Dialect dialect : Dialect.values()) {
      LayoutWriter writer = Layouts.describe(layout, Layouts.DEFAULT_SETTINGS).writer(dialect);
      WriteBatch batch = writer.newBatch();

      assertThat(writer.apply(event, START, batch)).isFalse();
      assertThat(batch.isEmpty()).isTrue();
    }
  }

  static Stream<Arguments> adminEvents() {
    return Layouts.NAMES.stream()
        .flatMap(layout -> EventSamples.ADMIN.stream().map(event -> Arguments.of(layout, event)));
  }

  /**
   * The samples in their order are a history in which every event changes something (a creation
   * before its changes, a deactivation before the activation): folded after the events before it,
   * an event a fold handles changes its rows, and one it ignores changes nothing.
   */
  @ParameterizedTest(name = "{0} folds {1}")
  @MethodSource("layoutsAndEvents")
  void theFoldHandlesTheEventOrSaysWhyNot(String layout, Object event) throws Exception {
    int at = EventSamples.MAIL.indexOf(event);
    Fold before = fold(layout, EventSamples.MAIL.subList(0, at));
    Fold after = fold(layout, EventSamples.MAIL.subList(0, at + 1));

    assertThat(after.warnings()).as("changes that found no row").isEmpty();
    if (ignored(layout, event)) {
      assertThat(after.layoutRows().tables())
          .as("%s fold ignores %s, as IGNORED says", layout, event.getClass().getSimpleName())
          .isEqualTo(before.layoutRows().tables());
    } else {
      assertThat(after.layoutRows().tables())
          .as(
              "%s fold changes its rows for %s (or the event belongs in IGNORED with the reason)",
              layout, event.getClass().getSimpleName())
          .isNotEqualTo(before.layoutRows().tables());
    }
  }

  @ParameterizedTest(name = "{0} folds past {1}")
  @MethodSource("adminEvents")
  void noFoldTouchesAnAdminEvent(String layout, Object event) throws Exception {
    Fold before = fold(layout, EventSamples.MAIL.subList(0, 5));
    List<Object> history = new ArrayList<>(EventSamples.MAIL.subList(0, 5));
    history.add(event);

    Fold after = fold(layout, history);

    assertThat(after.events()).isEqualTo(6);
    assertThat(after.warnings()).isEmpty();
    assertThat(after.layoutRows().tables()).isEqualTo(before.layoutRows().tables());
  }

  /** A fold of the events as the log stores them: JSON payloads, a second apart. */
  private static Fold fold(String layout, List<Object> events) throws Exception {
    Fold fold = FOLDS.get(layout).get();
    long position = 0;
    for (Object event : events) {
      position++;
      fold.apply(
          new StoredEvent(
              position,
              EventLog.timeStamp(START.plusSeconds(position)),
              event.getClass().getName(),
              "aggregate-" + position,
              0,
              JSON.writeValueAsBytes(event),
              "{}".getBytes()));
    }
    return fold;
  }

  private static boolean ignored(String layout, Object event) {
    return IGNORED.getOrDefault(layout, Set.of()).contains(event.getClass());
  }
}
