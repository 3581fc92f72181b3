package org.mailledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mailledger.testsupport.TestDatabase;

/**
 * The app as operators run it: the api jar in its own JVM against a test database, so the load
 * generator and the measured process do not share a heap, a JIT or a garbage collector.
 */
final class AppProcess implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ROOT_PASSWORD = "bench root password";

  static {
    // The JDK client keeps idle connections for 30 s, Tomcat closes them after 20 s: a request
    // sent on one Tomcat has just closed fails with "header parser received no bytes". Dropping
    // them on the client side first keeps the benchmark from measuring that race.
    System.setProperty("jdk.httpclient.keepalive.timeout", "5");
  }

  private final Process process;
  private final Path log;
  final int port;
  final HttpClient http;

  private AppProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The app's operating-system process id, for {@link CpuAccount}. */
  long pid() {
    return process.pid();
  }

  /** Starts the api jar built by this reactor and waits until its health is UP. */
  static AppProcess start(TestDatabase db, Map<String, String> properties) throws Exception {
    Path jar = apiJar();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    // e.g. -Dbench.app-jvm-args="-XX:StartFlightRecording=filename=/tmp/app.jfr" to profile it
    String jvmArgs = System.getProperty("bench.app-jvm-args", "").trim();
    if (!jvmArgs.isEmpty()) {
      command.addAll(List.of(jvmArgs.split("\\s+")));
    }
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=" + db.jdbcUrl());
    command.add("--spring.datasource.username=" + db.username());
    command.add("--spring.datasource.password=" + db.password());
    command.add("--mailledger.bootstrap-password=" + ROOT_PASSWORD);
    command.add("--logging.level.root=WARN");
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    Path log = Files.createTempFile("mailledger-bench-app", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    AppProcess app = new AppProcess(builder.start(), log, port);
    try {
      app.awaitHealth(Duration.ofSeconds(240));
    } catch (Exception | Error e) {
      // A benchmark that cannot start its app must not leave it running and holding connections.
      app.process.destroyForcibly();
      throw e;
    }
    return app;
  }

  private static Path apiJar() throws IOException {
    Path target = Path.of("..", "api", "target").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("api-.*\\.jar"))
          .findFirst()
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "No api jar under "
              + target
              + ": build it in the same reactor, e.g. ./mvnw -B -Pbench -pl api,ops -am verify",
          e);
    }
  }

  private void awaitHealth(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The app exited at start:\n" + tail());
      }
      try {
        HttpResponse<String> r = send("GET", "/actuator/health", null, null);
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The app did not come up within " + limit + ":\n" + tail());
  }

  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpRequest request(String method, String path, String authorization, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return b.build();
  }

  HttpResponse<String> send(String method, String path, String authorization, String body)
      throws IOException, InterruptedException {
    return http.send(
        request(method, path, authorization, body), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends and insists on a 2xx, for the set-up steps. */
  JsonNode expectOk(String method, String path, String authorization, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> r = send(method, path, authorization, body);
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " → " + r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? null : JSON.readTree(r.body());
  }

  /**
   * Seconds the app's JIT compilers have worked so far ({@code jstat -compiler}): a benchmark warms
   * the app until this stops growing, as a long-running server would be.
   */
  double jitSeconds() throws IOException, InterruptedException {
    Process jstat =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                "-compiler",
                String.valueOf(process.pid()))
            .redirectErrorStream(true)
            .start();
    String out = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (jstat.waitFor() != 0) {
      throw new IllegalStateException("jstat failed: " + out);
    }
    // "Compiled Failed Invalid   Time   FailedType FailedMethod", then the values.
    String[] values = out.strip().split("\n")[1].trim().split("\\s+");
    return Double.parseDouble(values[3]);
  }

  /** An API token of the bootstrap admin: Bearer costs a SHA-256, Basic a bcrypt per request. */
  String bearerToken() throws IOException, InterruptedException {
    JsonNode issued =
        expectOk(
            "POST",
            "/api/v1/tokens",
            basic("admin", ROOT_PASSWORD),
            "{\"description\":\"bench\",\"ttlDays\":1}");
    return "Bearer " + issued.path("token").asText();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    Files.deleteIfExists(log);
  }
}
