package org.mailledger.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.mailledger.command.alias.Alias;
import org.mailledger.command.aliasdomain.AliasDomain;
import org.mailledger.command.domain.Domain;
import org.mailledger.command.mailbox.Mailbox;
import org.mailledger.command.support.CatchingUpRepository;
import org.mailledger.command.tls.TlsPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repositories of the aggregates that REST writes change, by the bean names Axon looks for
 * ({@code mailboxRepository} for {@code Mailbox}...): cached in memory up to {@code
 * mailledger.aggregate-cache-entries} aggregates (least recently used first out; 0 turns the cache
 * off) and caught up with the log before each command (see {@link CatchingUpRepository}).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateRepositoryConfig {

  @Bean(destroyMethod = "close")
  public CacheManager aggregateCacheManager() {
    return CacheManagerBuilder.newCacheManagerBuilder().build(true);
  }

  @Bean
  public Cache aggregateCache(
      CacheManager aggregateCacheManager, CommandSideProperties properties) {
    int entries = properties.aggregateCacheEntries();
    if (entries <= 0) {
      return NoCache.INSTANCE;
    }
    // On-heap entries are kept by reference: no copy of the aggregate per read.
    // The manager builds Ehcache's own implementation, the type Axon's adapter takes.
    return new EhCache3Adapter(
        (Ehcache<Object, Object>)
            aggregateCacheManager.createCache(
                "aggregates",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(entries))
                    .build()));
  }

  @Bean
  public Repository<Domain> domainRepository(
      EventStore eventStore,
      Cache aggregateCache,
      ParameterResolverFactory parameterResolverFactory,
      HandlerDefinition handlerDefinition) {
    return CatchingUpRepository.of(
        Domain.class, eventStore, aggregateCache, parameterResolverFactory, handlerDefinition);
  }

  @Bean
  public Repository<AliasDomain> aliasDomainRepository(
      EventStore eventStore,
      Cache aggregateCache,
      ParameterResolverFactory parameterResolverFactory,
      HandlerDefinition handlerDefinition) {
    return CatchingUpRepository.of(
        AliasDomain.class, eventStore, aggregateCache, parameterResolverFactory, handlerDefinition);
  }

  @Bean
  public Repository<Mailbox> mailboxRepository(
      EventStore eventStore,
      Cache aggregateCache,
      ParameterResolverFactory parameterResolverFactory,
      HandlerDefinition handlerDefinition) {
    return CatchingUpRepository.of(
        Mailbox.class, eventStore, aggregateCache, parameterResolverFactory, handlerDefinition);
  }

  @Bean
  public Repository<Alias> aliasRepository(
      EventStore eventStore,
      Cache aggregateCache,
      ParameterResolverFactory parameterResolverFactory,
      HandlerDefinition handlerDefinition) {
    return CatchingUpRepository.of(
        Alias.class, eventStore, aggregateCache, parameterResolverFactory, handlerDefinition);
  }

  @Bean
  public Repository<TlsPolicy> tlsPolicyRepository(
      EventStore eventStore,
      Cache aggregateCache,
      ParameterResolverFactory parameterResolverFactory,
      HandlerDefinition handlerDefinition) {
    return CatchingUpRepository.of(
        TlsPolicy.class, eventStore, aggregateCache, parameterResolverFactory, handlerDefinition);
  }
}
