package org.mailledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mailledger.api.security.AuditedCommands;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.progress.LayoutProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sends commands on behalf of the current HTTP request: who (the authenticated actor), from where
 * (the client address) and under which correlation id (the client's {@code X-Correlation-Id}, or a
 * new one), all as Axon metadata that lands on every event. Answers with the log position of the
 * command's last event, and can wait until every layout applied it.
 */
@Component
public class CommandSender {

  public static final String CORRELATION_HEADER = "X-Correlation-Id";
  private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final AuditedCommands commands;
  private final JdbcTemplate eventStore;
  private final LayoutProgress progress;
  private final ProjectionProperties projections;
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  public CommandSender(
      AuditedCommands commands,
      JdbcTemplate eventStore,
      LayoutProgress progress,
      ProjectionProperties projections,
      HttpServletRequest request,
      HttpServletResponse response) {
    this.commands = commands;
    this.eventStore = eventStore;
    this.progress = progress;
    this.projections = projections;
    this.request = request;
    this.response = response;
  }

  /** Sends the commands in order, stopping at the first refusal; waits if asked. */
  public <R> Outcome<R> send(boolean wait, Object... commands) {
    String correlationId = correlationId();
    R result = null;
    LastEventTracker.EventRef last = null;
    LastEventTracker.collect();
    for (Object command : commands) {
      LastEventTracker.clear();
      result = dispatch(command, correlationId);
      if (LastEventTracker.last() != null) {
        last = LastEventTracker.last();
      }
    }
    List<org.axonframework.eventhandling.EventMessage<?>> events = LastEventTracker.all();
    LastEventTracker.clearAll();
    long position = last == null ? progress.head() : positionOf(last);
    boolean applied = !wait || awaitLayouts(position, events);
    return new Outcome<>(result, position, applied);
  }

  private <R> R dispatch(Object command, String correlationId) {
    return commands.send(command, actor(), request.getRemoteAddr(), correlationId);
  }

  private String correlationId() {
    String given = request.getHeader(CORRELATION_HEADER);
    String id =
        given != null && CORRELATION.matcher(given).matches()
            ? given
            : UUID.randomUUID().toString();
    response.setHeader(CORRELATION_HEADER, id);
    return id;
  }

  private static String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "anonymous" : authentication.getName();
  }

  private long positionOf(LastEventTracker.EventRef event) {
    List<Long> found =
        eventStore.queryForList(
            "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
            Long.class,
            event.aggregateId(),
            event.sequenceNumber());
    return found.isEmpty() ? progress.head() : found.get(0);
  }

  /** Bounded: a lagging layout makes the answer 202 rather than a hanging request. */
  private boolean awaitLayouts(
      long position, List<org.axonframework.eventhandling.EventMessage<?>> events) {
    try {
      for (LayoutDescriptor layout : Layouts.kept(projections)) {
        if (!progress.awaitApplied(layout.group(), position, events, Duration.ofSeconds(5))) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
