package org.mailledger.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A plain HTTP client for a running app: raw bodies, correlation ids, nothing mocked. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;

  Http(int port) {
    this.port = port;
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** An answer; status 0 means the request got no answer at all (connection refused, reset). */
  record Answer(int status, String contentType, String body, String correlationId) {

    JsonNode json() {
      try {
        return body == null || body.isEmpty() ? null : JSON.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    String type() {
      JsonNode json = json();
      return json == null ? null : json.path("type").asText(null);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean problem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Answer send(String method, String path, String authorization, String body) {
    return send(
        method, path, authorization, "application/json", body, UUID.randomUUID().toString());
  }

  Answer send(
      String method,
      String path,
      String authorization,
      String contentType,
      String body,
      String correlationId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Correlation-Id", correlationId)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().firstValue("X-Correlation-Id").orElse(null));
    } catch (IOException e) {
      return new Answer(0, null, e.toString(), correlationId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  boolean healthy() {
    Answer answer = send("GET", "/actuator/health", null, null);
    return answer.status() == 200 && answer.body().contains("\"UP\"");
  }

  /** Waits until every layout has applied the whole log. */
  void awaitProjections(String authorization, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Answer last = null;
    while (System.nanoTime() < deadline) {
      last = send("GET", "/api/v1/projections", authorization, null);
      JsonNode layouts = last.json();
      if (last.status() == 200 && layouts != null && layouts.isArray() && !layouts.isEmpty()) {
        boolean caughtUp = true;
        for (JsonNode layout : layouts) {
          caughtUp &=
              layout.path("lagEvents").asLong(-1) == 0
                  && layout.path("state").asText().equals("running");
        }
        if (caughtUp) {
          return;
        }
      }
      AppProcess.sleep(200);
    }
    throw new AssertionError("the projections did not catch up within " + timeout + ": " + last);
  }
}
