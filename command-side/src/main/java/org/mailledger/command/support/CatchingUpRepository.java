package org.mailledger.command.support;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * An event-sourced repository that keeps loaded aggregates in memory and, before a cached one
 * handles a command, reads the events appended after it: one indexed query that finds nothing
 * unless another instance changed the aggregate, instead of the snapshot query, the whole history
 * and its replay on every command. With several instances on one event store a cached aggregate is
 * never stale when it decides; an append racing in between collides on the event store's unique
 * (aggregate, sequence number), the command's transaction rolls back and the entry is dropped
 * (Axon's {@link CachingEventSourcingRepository} does that on every rollback).
 */
public final class CatchingUpRepository<T> extends CachingEventSourcingRepository<T> {

  private final EventStore eventStore;
  private final Cache cache;

  private CatchingUpRepository(Builder<T> builder, EventStore eventStore, Cache cache) {
    super(builder);
    this.eventStore = eventStore;
    this.cache = cache;
  }

  /** The repository of {@code type}, with the handler settings of the Axon configuration. */
  public static <T> CatchingUpRepository<T> of(
      Class<T> type,
      EventStore eventStore,
      Cache cache,
      ParameterResolverFactory parameterResolverFactory,
      HandlerDefinition handlerDefinition) {
    return new CatchingUpRepository<>(
        EventSourcingRepository.builder(type)
            .eventStore(eventStore)
            .cache(cache)
            .parameterResolverFactory(parameterResolverFactory)
            .handlerDefinition(handlerDefinition),
        eventStore,
        cache);
  }

  @Override
  protected EventSourcedAggregate<T> doLoadWithLock(String id, Long expectedVersion) {
    // Under the aggregate's lock: only this thread changes the entry of this id meanwhile.
    boolean cached = cache.containsKey(id);
    EventSourcedAggregate<T> aggregate = super.doLoadWithLock(id, expectedVersion);
    if (cached) {
      Long version = aggregate.version();
      DomainEventStream newer = eventStore.readEvents(id, version == null ? 0 : version + 1);
      if (newer.hasNext()) {
        aggregate.initializeState(newer);
        if (aggregate.isDeleted()) {
          throw new AggregateDeletedException(id);
        }
      }
    }
    return aggregate;
  }
}
