package org.mailledger.ops.faults;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * A second instance of the app in a process of its own, for {@link SeveralInstancesTest}: starts
 * against the databases given as {@code --name=value} arguments, prints {@code READY <node id>},
 * then sends commands (mailboxes in a domain of its own) until it is killed.
 */
public final class NodeMain {

  private NodeMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> properties = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      properties.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    Node.Db eventStore =
        new Node.Db(
            properties.remove("spring.datasource.url"),
            properties.remove("spring.datasource.username"),
            properties.remove("spring.datasource.password"));
    Node node = new Node(eventStore, null, properties);
    String self = ManagementFactory.getRuntimeMXBean().getName();
    String domain = "node" + ProcessHandle.current().pid() + ".example";
    node.createDomain(domain);
    System.out.println("READY " + self);
    System.out.flush();
    for (int i = 0; ; i++) {
      try {
        node.createMailbox("m" + i + "@" + domain);
      } catch (RuntimeException e) {
        System.out.println("command failed: " + e);
      }
      Thread.sleep(50);
    }
  }
}
