package org.mailledger.projection.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads, grouped by role, so the report can tell the processor's
 * coordinator (reads the log, hands events to segments) from its work packages (run the handlers)
 * and from everything else. Taken while the threads still live: a thread's time goes with it.
 */
final class ThreadCpu {

  private final Map<Long, Long> nanosByThread;
  private final Map<Long, String> roleByThread;

  private ThreadCpu(Map<Long, Long> nanosByThread, Map<Long, String> roleByThread) {
    this.nanosByThread = nanosByThread;
    this.roleByThread = roleByThread;
  }

  static ThreadCpu now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, String> roles = new HashMap<>();
    if (!threads.isThreadCpuTimeSupported()) {
      return new ThreadCpu(nanos, roles);
    }
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        nanos.put(info.getThreadId(), cpu);
        roles.put(info.getThreadId(), role(info.getThreadName()));
      }
    }
    return new ThreadCpu(nanos, roles);
  }

  /** CPU nanoseconds per role between {@code before} and now; threads born since count whole. */
  Map<String, Long> since(ThreadCpu before) {
    Map<String, Long> used = new TreeMap<>();
    nanosByThread.forEach(
        (id, cpu) ->
            used.merge(
                roleByThread.get(id), cpu - before.nanosByThread.getOrDefault(id, 0L), Long::sum));
    return used;
  }

  private static String role(String threadName) {
    if (threadName.startsWith("Coordinator[")) {
      return "coordinator";
    }
    if (threadName.startsWith("WorkPackage[")) {
      return "work packages";
    }
    return "other threads";
  }
}
