package org.mailledger.projection.mum;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.lookup.WriteBatch;
import org.mailledger.schema.alias.AliasActivatedEvent;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeactivatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.alias.AliasSenderRemovedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
import org.mailledger.schema.domain.DomainActivatedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;
import org.mailledger.schema.domain.DomainDeletedEvent;
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the tables of MUM's layout through a {@link MumWriter}, which a rebuild uses as well.
 * Handlers only describe their writes; each transaction of the processor sends them as JDBC batches
 * when it commits (see {@link WriteBatch}), which is what makes a replay fast. Every write is
 * idempotent (upserts by natural key, updates by row id), and an update or delete that finds no row
 * stops the processor with a {@link MissingRowException} instead of losing the change. Row ids
 * derive from aggregate identities ({@link RowId}), so a replay yields identical rows and no
 * handler needs to read a table.
 */
@ProcessingGroup(MumLayoutProjection.GROUP)
public class MumLayoutProjection {

  public static final String GROUP = "layout-mum";
  static final List<String> TABLES = MumWriter.TABLES;
  private static final String BATCH = MumLayoutProjection.class.getName() + ".batch";

  private final JdbcTemplate jdbc;
  private final MumWriter writer;

  public MumLayoutProjection(LookupDatabase lookup) {
    this.jdbc = lookup.jdbc();
    this.writer = new MumWriter(lookup.dialect(), "");
  }

  /** This transaction's writes, sent just before it commits. */
  private WriteBatch batch() {
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    WriteBatch batch =
        unitOfWork.getOrComputeResource(
            BATCH,
            key -> {
              WriteBatch created = writer.newBatch();
              writer.prepare(jdbc, created);
              unitOfWork.onPrepareCommit(u -> created.flush(jdbc));
              return created;
            });
    batch.origin(CurrentUnitOfWork.get().getMessage());
    return batch;
  }

  @EventHandler
  void on(DomainCreatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(DomainSettingsChangedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(DomainActivatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(DomainDeactivatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(DomainDeletedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxCreatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxPasswordChangedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxQuotaChangedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxNameChangedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxSendOnlyChangedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxActivatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxDeactivatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxRenamedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(MailboxDeletedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasCreatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasRecipientAddedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasRecipientRemovedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasSenderAddedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasSenderRemovedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasDescriptionChangedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasActivatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasDeactivatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasDeletedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasDomainCreatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasDomainActivatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasDomainDeactivatedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(AliasDomainDeletedEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(TlsPolicySetEvent e) {
    writer.apply(e, batch());
  }

  @EventHandler
  void on(TlsPolicyRemovedEvent e) {
    writer.apply(e, batch());
  }

  /**
   * A replay starts from empty tables; only this layout's own tables are touched, children first.
   */
  @ResetHandler
  void reset() {
    for (String table :
        List.of(
            "alias_senders",
            "alias_recipients",
            "aliases",
            "mailboxes",
            "domains",
            "tls_policies")) {
      jdbc.update("DELETE FROM " + table);
    }
  }
}
