/**
 * One way to be a lookup-table layout: a {@link org.mailledger.projection.layout.LayoutDescriptor}
 * per layout, all of them listed in {@link org.mailledger.projection.layout.Layouts}, the one list
 * that the app ({@code mailledger.layouts}), {@code ops} and the tests read.
 *
 * <p>The machinery here serves every layout alike: {@link
 * org.mailledger.projection.layout.LayoutsConfig} turns each kept descriptor into a pooled
 * streaming processor ({@link org.mailledger.projection.layout.LayoutProcessors}) whose single
 * handler, a {@link org.mailledger.projection.layout.LayoutProjection}, hands every event to the
 * layout's {@link org.mailledger.projection.layout.LayoutWriter}; the rebuild, {@code ops verify},
 * {@code ops status} and {@code GET /projections} take the same descriptor.
 *
 * <h2>Adding a layout</h2>
 *
 * <ol>
 *   <li>A package beside {@code mum}, {@code postfixadmin} and {@code dinomail} with the layout's
 *       {@code LayoutWriter} (the writes of each event into its tables, through the {@code
 *       WriteBatch} it is given, with the table-name prefix it is made with, so a rebuild can write
 *       shadow tables) and a class with its name and {@code descriptor()}: tables parents first,
 *       foreign keys per dialect, views, writer, sequencing policy, Flyway placeholders.
 *   <li>Its Flyway migrations in {@code schema/src/main/resources/db/layout/<name>/postgresql} and
 *       {@code .../mysql}: every table and view; nothing is created from Java.
 *   <li>One line in {@link org.mailledger.projection.layout.Layouts}: its name in {@code NAMES} and
 *       its descriptor in {@code describe}.
 *   <li>Its tests: the layout scenarios run the real processor, replay, rebuild and the consumers'
 *       queries over the new descriptor.
 * </ol>
 *
 * Nothing else registers it: no Spring configuration, no processing-group constant, no status code
 * of its own.
 *
 * <h2>Adding an event</h2>
 *
 * An event is a record in the schema module's package of its aggregate, with
 * {@code @Revision("1")}. Then every layout's writer decides what it writes for it (or returns
 * false to ignore it), as does each layout's fold that {@code ops verify} checks the tables
 * against; the sequencing policy must know which domain it belongs to, so that the processor
 * applies it in log order with the rest of that domain.
 */
package org.mailledger.projection.layout;
