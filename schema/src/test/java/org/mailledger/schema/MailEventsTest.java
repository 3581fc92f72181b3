package org.mailledger.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.admin.AdminCreatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;

/**
 * The list of events is whole: every event record of the schema, found by scanning its classes, is
 * one that {@link MailEvents} names. An event left out of its aggregate's sealed interface, or a
 * new aggregate's interface not added to {@code MailEvents}, fails here.
 */
class MailEventsTest {

  @Test
  void listsEveryEventRecordOfTheSchema() throws Exception {
    Set<Class<?>> listed = new HashSet<>(MailEvents.all());
    listed.addAll(MailEvents.admin());

    List<Class<?>> events = schemaClasses().stream().filter(MailEventsTest::isEvent).toList();

    assertThat(events).hasSize(38);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void listsEachEventOnce() {
    assertThat(MailEvents.all()).doesNotHaveDuplicates().hasSize(29);
    assertThat(MailEvents.admin()).doesNotHaveDuplicates().hasSize(9);
  }

  @Test
  void everyEventHasARevision() {
    Stream.concat(MailEvents.all().stream(), MailEvents.admin().stream())
        .forEach(type -> assertThat(type).hasAnnotation(Revision.class));
  }

  @Test
  void findsMailEventsByPayloadTypeOnly() {
    assertThat(MailEvents.byPayloadType(MailboxCreatedEvent.class.getName()))
        .isEqualTo(MailboxCreatedEvent.class);
    // The folds skip what this answers null for: admin accounts have no table in any layout.
    assertThat(MailEvents.byPayloadType(AdminCreatedEvent.class.getName())).isNull();
    assertThat(MailEvents.byPayloadType("org.example.Unknown")).isNull();
  }

  /** A record carrying {@code @Revision} (every stored message does) or named like an event. */
  private static boolean isEvent(Class<?> type) {
    return type.isRecord()
        && (type.isAnnotationPresent(Revision.class) || type.getSimpleName().endsWith("Event"));
  }

  /** Every top-level class compiled into the schema module, from its directory or jar. */
  private static List<Class<?>> schemaClasses() throws Exception {
    Path root =
        Path.of(MailEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(root)) {
      return classesUnder(root);
    }
    try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + root.toUri()), Map.of())) {
      return classesUnder(jar.getPath("/"));
    }
  }

  private static List<Class<?>> classesUnder(Path root) throws Exception {
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("org/mailledger/schema"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (!name.contains("$") && !name.endsWith("package-info")) {
          classes.add(Class.forName(name, false, MailEventsTest.class.getClassLoader()));
        }
      }
    }
    return classes;
  }
}
