package org.mailledger.ops.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import will do: the steps to send, in order; how many rows of each kind an earlier run
 * imported already; and what is skipped or noted, with the reason.
 */
public record ImportPlan(
    List<Step> steps, Map<Step.Kind, Integer> alreadyImported, List<Finding> findings) {

  public int count(Step.Kind kind) {
    return (int) steps.stream().filter(s -> s.kind() == kind).count();
  }

  public int already(Step.Kind kind) {
    return alreadyImported.getOrDefault(kind, 0);
  }

  static Map<Step.Kind, Integer> counters() {
    return new EnumMap<>(Step.Kind.class);
  }
}
