package org.mailledger.projection.config;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code mailledger.layouts} (default {@code mum}) names the given layout. */
public abstract class LayoutCondition extends SpringBootCondition {

  private final String layout;

  protected LayoutCondition(String layout) {
    this.layout = layout;
  }

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String layouts = context.getEnvironment().getProperty("mailledger.layouts", "mum");
    boolean kept =
        Arrays.stream(layouts.split(",")).map(String::trim).anyMatch(layout::equalsIgnoreCase);
    return kept
        ? ConditionOutcome.match("layout " + layout + " is kept")
        : ConditionOutcome.noMatch("mailledger.layouts does not name " + layout);
  }
}
