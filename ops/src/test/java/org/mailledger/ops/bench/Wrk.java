package org.mailledger.ops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (Debian's package), a closed-loop HTTP load generator in C: each connection sends its
 * next request as soon as the last is answered. It costs the two shared cores far less per request
 * than the JDK's HTTP client, which is what a saturation measurement needs.
 */
final class Wrk {

  /** What one run measured; {@code counters} are the Lua threads' request counts by thread. */
  record Result(
      double requestsPerSecond,
      long requests,
      long non2xx,
      long socketErrors,
      double p50Ms,
      double p99Ms,
      Map<Integer, Long> counters) {}

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern COUNTER = Pattern.compile("(?m)^counter (\\d+) (\\d+)$");

  private Wrk() {}

  static Path binary() {
    for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
      Path p = Path.of(dir, "wrk");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException("wrk not found: apt-get install wrk (bin/test installs it)");
  }

  static Result run(int port, Path script, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    return run(
        List.of("-s", script.toString()),
        "http://127.0.0.1:" + port,
        threads,
        connections,
        seconds);
  }

  /** The same GET again and again, e.g. the cost of a request that does (almost) nothing. */
  static Result get(int port, String path, String authorization, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> options =
        authorization == null ? List.of() : List.of("-H", "Authorization: " + authorization);
    return run(options, "http://127.0.0.1:" + port + path, 2, connections, seconds);
  }

  private static Result run(
      List<String> options, String url, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            binary().toString(),
            "-t" + threads,
            "-c" + connections,
            "-d" + seconds + "s",
            "--timeout",
            "10s",
            "--latency"));
    command.addAll(options);
    command.add(url);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    Matcher rps = RPS.matcher(out);
    Matcher requests = REQUESTS.matcher(out);
    if (exit != 0 || !rps.find() || !requests.find()) {
      throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + out);
    }
    Matcher non2xx = NON_2XX.matcher(out);
    Matcher socket = SOCKET.matcher(out);
    long socketErrors = 0;
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        socketErrors += Long.parseLong(socket.group(g));
      }
    }
    Map<Integer, Long> counters = new HashMap<>();
    Matcher counter = COUNTER.matcher(out);
    while (counter.find()) {
      counters.put(Integer.parseInt(counter.group(1)), Long.parseLong(counter.group(2)));
    }
    return new Result(
        Double.parseDouble(rps.group(1)),
        Long.parseLong(requests.group(1)),
        non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
        socketErrors,
        percentile(out, "50%"),
        percentile(out, "99%"),
        counters);
  }

  /** A line of wrk's "Latency Distribution", in milliseconds. */
  private static double percentile(String out, String label) {
    Matcher m =
        Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$")
            .matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
