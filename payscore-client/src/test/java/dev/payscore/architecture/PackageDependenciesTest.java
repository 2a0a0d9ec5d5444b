package dev.payscore.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The client's packages form no cycle, and each layer depends only on layers below it: the JDK's
 * jdeps reads the compiled classes (generated ones included), so the rule holds for what ships.
 */
class PackageDependenciesTest {
  static final Path CLASSES = Paths.get(System.getProperty("payscore.builddir", "target"), "classes");
  static final Pattern EDGE = Pattern.compile("^\\s*(dev\\.payscore[\\w.]*)\\s+->\\s+(dev\\.payscore[\\w.]*)\\s");

  static Map<String, Set<String>> dependencies() {
    assertTrue(Files.isDirectory(CLASSES), "no compiled classes at " + CLASSES);
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps"));
    StringWriter out = new StringWriter();
    int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
        "-verbose:package", "-filter:none", CLASSES.toString());
    assertEquals(0, status, out.toString());
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        edges.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    assertTrue(edges.size() >= 5, "jdeps output not understood: " + out);
    return edges;
  }

  @Test
  void packagesFormNoCycle() {
    Map<String, Set<String>> edges = dependencies();
    for (String start : edges.keySet()) {
      List<String> cycle = cycleFrom(start, start, edges, new ArrayList<>(Arrays.asList(start)), new TreeSet<>());
      assertTrue(cycle == null, "package cycle: " + cycle + " in " + edges);
    }
  }

  @Test
  void theCryptoCoreAndAuthDependOnNothingAboveThem() {
    Map<String, Set<String>> edges = dependencies();
    assertEquals(new TreeSet<>(), edges.getOrDefault("dev.payscore.internal.crypto", new TreeSet<>()),
        "internal.crypto depends on nothing of ours");
    Set<String> allowed = new TreeSet<>(Arrays.asList("dev.payscore.internal.crypto", "dev.payscore.exception",
        "dev.payscore.model"));
    for (String target : edges.getOrDefault("dev.payscore.auth", new TreeSet<>())) {
      assertTrue(allowed.contains(target), "dev.payscore.auth -> " + target);
    }
  }

  private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> edges, List<String> path,
      Set<String> seen) {
    for (String next : edges.getOrDefault(at, new TreeSet<>())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return cycle;
      }
      if (seen.add(next)) {
        path.add(next);
        List<String> found = cycleFrom(start, next, edges, path, seen);
        if (found != null) {
          return found;
        }
        path.remove(path.size() - 1);
      }
    }
    return null;
  }
}
