package org.mailledger.ops.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aliases of a plan as a graph of who forwards to whom: the loops in it, and an order in which
 * every alias comes after the aliases it forwards to (the command side wants hosted recipients to
 * exist).
 *
 * @param forwards by alias address, its recipients in their order; only those that are keys too are
 *     edges
 */
record AliasGraph(Map<String, List<String>> forwards) {

  private static final int ON_PATH = 1;
  private static final int DONE = 2;

  /** Every loop, as the aliases on it in forwarding order. */
  List<List<String>> cycles() {
    List<List<String>> cycles = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>();
    for (String start : forwards.keySet()) {
      findCycles(start, state, new ArrayList<>(), cycles);
    }
    return cycles;
  }

  private void findCycles(
      String key, Map<String, Integer> state, List<String> path, List<List<String>> cycles) {
    Integer seen = state.get(key);
    if (seen != null) {
      if (seen == ON_PATH) {
        cycles.add(List.copyOf(path.subList(path.indexOf(key), path.size())));
      }
      return;
    }
    state.put(key, ON_PATH);
    path.add(key);
    for (String recipient : forwards.get(key)) {
      if (forwards.containsKey(recipient)) {
        findCycles(recipient, state, path, cycles);
      }
    }
    path.remove(path.size() - 1);
    state.put(key, DONE);
  }

  /** The aliases, each after the aliases it forwards to (the planner drops loops first). */
  List<String> dependencyOrder() {
    List<String> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (String key : forwards.keySet()) {
      place(key, placed, ordered);
    }
    return ordered;
  }

  private void place(String key, Set<String> placed, List<String> ordered) {
    if (!placed.add(key)) {
      return;
    }
    for (String recipient : forwards.get(key)) {
      if (forwards.containsKey(recipient)) {
        place(recipient, placed, ordered);
      }
    }
    ordered.add(key);
  }
}
