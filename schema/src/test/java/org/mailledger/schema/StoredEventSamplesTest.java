package org.mailledger.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events are stored forever: each event type has a payload in {@code stored-events/} as the log
 * holds it (written by Axon's Jackson serializer from the records before they had sealed
 * interfaces; the same fields in the same order as payloads the app stored), and it must read back
 * and be written again byte for byte. A method added to a record or to its interface that Jackson
 * took for a property would change the written text and fail here.
 */
class StoredEventSamplesTest {

  private static final JacksonSerializer AXON = JacksonSerializer.defaultSerializer();

  /** As the app configures Spring's mapper: an unknown property in the log is an error. */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .findAndAddModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  static Stream<Class<?>> events() {
    return Stream.concat(MailEvents.all().stream(), MailEvents.admin().stream());
  }

  @ParameterizedTest
  @MethodSource("events")
  void axonReadsTheStoredPayloadAndWritesItAgainUnchanged(Class<?> type) throws IOException {
    byte[] stored = sample(type);
    SerializedObject<byte[]> serialized =
        new SimpleSerializedObject<>(stored, byte[].class, type.getName(), "1");

    Object event = AXON.deserialize(serialized);

    assertThat(event).isInstanceOf(type);
    SerializedObject<byte[]> again = AXON.serialize(event, byte[].class);
    assertThat(new String(again.getData(), StandardCharsets.UTF_8))
        .isEqualTo(new String(stored, StandardCharsets.UTF_8));
    assertThat(again.getType().getName()).isEqualTo(type.getName());
    assertThat(again.getType().getRevision()).isEqualTo("1");
  }

  @ParameterizedTest
  @MethodSource("events")
  void aStrictMapperReadsTheStoredPayloadAndWritesItAgainUnchanged(Class<?> type)
      throws IOException {
    byte[] stored = sample(type);

    Object event = STRICT.readValue(stored, type);

    assertThat(STRICT.writeValueAsString(event))
        .isEqualTo(new String(stored, StandardCharsets.UTF_8));
  }

  @Test
  void everySampleIsOfAListedEvent() throws Exception {
    List<String> names = events().map(t -> t.getName() + ".json").sorted().toList();
    Path folder = Path.of(StoredEventSamplesTest.class.getResource("/stored-events").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(names);
    }
  }

  private static byte[] sample(Class<?> type) throws IOException {
    try (InputStream in = resource(type.getName() + ".json")) {
      assertThat(in).as("stored-events/%s.json", type.getName()).isNotNull();
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) {
    return StoredEventSamplesTest.class.getResourceAsStream("/stored-events/" + name);
  }
}
