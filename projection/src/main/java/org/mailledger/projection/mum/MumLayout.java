package org.mailledger.projection.mum;

import java.util.List;
import java.util.Map;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutDescriptor.ForeignKey;
import org.mailledger.projection.layout.LayoutWriter;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.WriteBatch;

/** The {@code mum} layout described for whatever handles layouts in general. */
public final class MumLayout {

  public static final String NAME = "mum";

  private static final List<ForeignKey> KEYS =
      List.of(
          new ForeignKey("mailboxes", "domain_id", "domains", "id", false),
          new ForeignKey("aliases", "domain_id", "domains", "id", false),
          new ForeignKey("alias_recipients", "alias_id", "aliases", "id", true),
          new ForeignKey("alias_senders", "alias_id", "aliases", "id", true));

  private MumLayout() {}

  public static LayoutDescriptor descriptor() {
    return new LayoutDescriptor(
        NAME,
        MumWriter.TABLES,
        Map.of(Dialect.POSTGRESQL, KEYS, Dialect.MYSQL, KEYS),
        List.of(),
        MumLayout::writer,
        Map.of());
  }

  /** MUM's rows carry no time stamps: its writer needs only the event. */
  private static LayoutWriter writer(Dialect dialect, String prefix) {
    MumWriter writer = new MumWriter(dialect, prefix);
    return new LayoutWriter() {
      @Override
      public WriteBatch newBatch() {
        return writer.newBatch();
      }

      @Override
      public boolean apply(Object event, java.time.Instant timestamp, WriteBatch batch) {
        return writer.apply(event, batch);
      }

      @Override
      public void prepare(org.springframework.jdbc.core.JdbcTemplate jdbc, WriteBatch batch) {
        writer.prepare(jdbc, batch);
      }
    };
  }
}
