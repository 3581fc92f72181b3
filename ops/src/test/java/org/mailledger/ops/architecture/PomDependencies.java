package org.mailledger.ops.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Which modules of this build each module's pom.xml declares as dependencies (any scope or type,
 * {@code <dependencies>} of the project itself, not its dependencyManagement or plugins), read from
 * the files so the check needs no Maven model.
 */
final class PomDependencies {

  private static final String GROUP = "org.mailledger";

  private final Map<String, Set<String>> direct;

  private PomDependencies(Map<String, Set<String>> direct) {
    this.direct = direct;
  }

  /** Every module listed in the parent pom under {@code root}. */
  static PomDependencies under(Path root) {
    Map<String, Set<String>> direct = new HashMap<>();
    for (String module : children(parse(root.resolve("pom.xml")), "modules", "module")) {
      Path pom = root.resolve(module).resolve("pom.xml");
      direct.put(module, ownDependencies(parse(pom)));
    }
    return new PomDependencies(direct);
  }

  /** The modules {@code module} depends on, directly or through other modules. */
  Set<String> reachableFrom(String module) {
    if (!direct.containsKey(module)) {
      throw new IllegalArgumentException("no module " + module + " in the parent pom");
    }
    Set<String> reached = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(direct.get(module));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (reached.add(next)) {
        todo.addAll(direct.getOrDefault(next, Set.of()));
      }
    }
    return reached;
  }

  private static Set<String> ownDependencies(Document pom) {
    Set<String> modules = new TreeSet<>();
    Element project = pom.getDocumentElement();
    for (Element dependencies : elements(project, "dependencies")) {
      for (Element dependency : elements(dependencies, "dependency")) {
        String group = text(dependency, "groupId");
        if (GROUP.equals(group) || "${project.groupId}".equals(group)) {
          modules.add(text(dependency, "artifactId"));
        }
      }
    }
    return modules;
  }

  private static Set<String> children(Document pom, String list, String item) {
    Set<String> values = new TreeSet<>();
    for (Element parent : elements(pom.getDocumentElement(), list)) {
      for (Element child : elements(parent, item)) {
        values.add(child.getTextContent().trim());
      }
    }
    return values;
  }

  private static List<Element> elements(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    return elements(parent, name).stream()
        .map(e -> e.getTextContent().trim())
        .findFirst()
        .orElse("");
  }

  private static Document parse(Path pom) {
    if (!Files.isRegularFile(pom)) {
      throw new IllegalStateException("no " + pom);
    }
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
    }
  }
}
