/**
 * One way to be a lookup-table layout: a {@link org.mailledger.projection.layout.LayoutDescriptor}
 * per layout, all of them listed in {@link org.mailledger.projection.layouts.Layouts}, the one list
 * that the app ({@code mailledger.layouts}), {@code ops} and the tests read.
 *
 * <p>The machinery here serves every layout alike: {@link
 * org.mailledger.projection.layouts.LayoutsConfig} migrates the kept layouts ({@link
 * LayoutMigrations}: the shared tables first) and turns each descriptor into a pooled streaming
 * processor ({@link org.mailledger.projection.layout.LayoutProcessors}) whose single handler, a
 * {@link org.mailledger.projection.layout.LayoutProjection}, hands every event to the layout's
 * {@link org.mailledger.projection.layout.LayoutWriter}; the rebuild, {@code ops verify}, {@code
 * ops status} and {@code GET /projections} take the same descriptor.
 *
 * <h2>Adding a layout</h2>
 *
 * <ol>
 *   <li>A package beside {@code mum}, {@code postfixadmin} and {@code dinomail} with the layout's
 *       {@code LayoutWriter} (the writes of each event into its tables, through the {@code
 *       WriteBatch} it is given, with the table-name prefix it is made with, so a rebuild can write
 *       shadow tables) and a class with its name and {@code descriptor()}: tables parents first,
 *       foreign keys per dialect, views, writer, sequencing policy, fold ({@code fold} package:
 *       what {@code ops verify} and {@code ops export} compute apart from the writer), Flyway
 *       placeholders.
 *   <li>Its Flyway migrations in {@code schema/src/main/resources/db/layout/<name>/postgresql} and
 *       {@code .../mysql}: every table and view; nothing is created from Java.
 *   <li>One line in {@link org.mailledger.projection.layouts.Layouts}: its name in {@code NAMES}
 *       and its descriptor in {@code describe}.
 *   <li>Its files for Postfix and Dovecot: {@code ops config} generates them (the ops module owns
 *       generated files, as DESIGN.md has it), one class in {@code org.mailledger.ops.config};
 *       {@code ConfigFixturesTest} fails for a layout of the list that has none.
 *   <li>Its tests: the layout scenarios run the real processor, replay, rebuild and the consumers'
 *       queries over the new descriptor.
 * </ol>
 *
 * Nothing else registers it: no Spring configuration, no processing-group constant, no status code
 * of its own.
 *
 * <h2>Adding an event</h2>
 *
 * <ol>
 *   <li>A record with {@code @Revision("1")} in the schema module's package of its aggregate, named
 *       in the {@code permits} of that aggregate's sealed event interface ({@code DomainEvent},
 *       {@code MailboxEvent}, ...); the interface gives it its sequencing key (the domain it
 *       belongs to), so every layout's processor applies it in log order with that domain's other
 *       events. {@code MailEvents} lists it from the permits.
 *   <li>A stored JSON sample of it in {@code schema/src/test/resources/stored-events/} and a sample
 *       in the projection tests' {@code EventSamples}, and its key in {@code
 *       DomainSequencingPolicyTest}.
 *   <li>In each layout's writer and fold, a case for it, or an entry in that layout's ignore list
 *       with the reason: {@code LayoutsHandleEveryEventTest} fails until every layout says one or
 *       the other.
 * </ol>
 */
package org.mailledger.projection.layout;
