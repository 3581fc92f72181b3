package org.mailledger.api.system;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the operator configured no database, so the embedded one is started. */
class NoDatasourceConfigured extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String url = context.getEnvironment().getProperty("spring.datasource.url");
    return url == null || url.isBlank()
        ? ConditionOutcome.match("no spring.datasource.url: embedded PostgreSQL")
        : ConditionOutcome.noMatch("spring.datasource.url is set");
  }
}
