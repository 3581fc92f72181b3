package org.mailledger.ops.faults;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mailledger.ops.OpsCommand;
import org.mailledger.ops.e2e.CommandsTestApplication;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.projection.progress.LayoutStatuses;
import org.mailledger.projection.progress.ProjectionStatus;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the app's command side and projections against given databases, as the fault
 * tests start it; and {@code ops} run against the same databases.
 */
final class Node implements AutoCloseable {

  /** JDBC coordinates of one database. */
  record Db(String url, String username, String password) {
    static Db of(org.mailledger.testsupport.TestDatabase db) {
      return new Db(db.jdbcUrl(), db.username(), db.password() == null ? "" : db.password());
    }
  }

  final ConfigurableApplicationContext context;

  Node(Db eventStore, Db lookup, Map<String, String> extra) {
    context =
        new SpringApplicationBuilder(CommandsTestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(properties(eventStore, lookup, extra))
            .run();
  }

  /** The app's properties for these databases, as a map and as {@code --name=value} arguments. */
  static Map<String, Object> properties(Db eventStore, Db lookup, Map<String, String> extra) {
    Map<String, Object> p = new HashMap<>();
    p.put("spring.datasource.url", eventStore.url());
    p.put("spring.datasource.username", eventStore.username());
    p.put("spring.datasource.password", eventStore.password());
    if (lookup != null) {
      p.put("mailledger.lookup.datasource.url", lookup.url());
      p.put("mailledger.lookup.datasource.username", lookup.username());
      p.put("mailledger.lookup.datasource.password", lookup.password());
    }
    p.put("spring.flyway.locations", "classpath:db/eventstore/postgresql");
    p.put("axon.axonserver.enabled", "false");
    p.put("axon.serializer.general", "jackson");
    p.put("axon.serializer.events", "jackson");
    p.put("axon.serializer.messages", "jackson");
    p.put("mailledger.bcrypt-cost", "4");
    p.putAll(extra);
    return p;
  }

  CommandGateway gateway() {
    return context.getBean(CommandGateway.class);
  }

  LayoutProgress progress() {
    return context.getBean(LayoutProgress.class);
  }

  ProjectionStatus status() {
    return status("mum");
  }

  /** A kept layout's status as {@code GET /projections} answers it. */
  ProjectionStatus status(String layout) {
    return context.getBean(LayoutStatuses.class).of(layout);
  }

  Object send(Object command) {
    return gateway()
        .sendAndWait(
            GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("actor", "test", "source", "127.0.0.1")));
  }

  void createDomain(String domain) {
    send(
        new CreateDomainCommand(id(), DomainName.of(domain), "", Quota.ofGigabytes(2), null, 0, 0));
  }

  /** Creates a mailbox and answers its aggregate id. */
  String createMailbox(String address) {
    String id = id();
    send(
        new CreateMailboxCommand(
            id, EmailAddress.parse(address), new Secret("a long enough secret"), "", null, false));
    return id;
  }

  /** A layout's processor. */
  StreamingEventProcessor processor(String layout) {
    return context
        .getBean(EventProcessingConfiguration.class)
        .eventProcessor("layout-" + layout, StreamingEventProcessor.class)
        .orElseThrow();
  }

  boolean awaitHead(Duration timeout) throws InterruptedException {
    return awaitHead("mum", timeout);
  }

  boolean awaitHead(String layout, Duration timeout) throws InterruptedException {
    return progress().awaitPosition("layout-" + layout, progress().head(), timeout);
  }

  @Override
  public void close() {
    context.close();
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  /** Exit code, stdout and stderr of one ops call. */
  record Run(int exit, String out, String err) {}

  static Run ops(Db eventStore, Db lookup, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--spring.datasource.url=" + eventStore.url());
    all.add("--spring.datasource.username=" + eventStore.username());
    all.add("--spring.datasource.password=" + eventStore.password());
    if (lookup != null) {
      all.add("--mailledger.lookup.datasource.url=" + lookup.url());
      all.add("--mailledger.lookup.datasource.username=" + lookup.username());
      all.add("--mailledger.lookup.datasource.password=" + lookup.password());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }
}
