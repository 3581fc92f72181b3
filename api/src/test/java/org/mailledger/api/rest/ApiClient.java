package org.mailledger.api.rest;

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

/** A plain HTTP client for the tests: raw bodies, any header, nothing mocked. */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;

  ApiClient(int port) {
    this.port = port;
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The answer: status, content type, raw body and the body as JSON (or null). */
  record Answer(int status, String contentType, String body, String correlationId) {
    JsonNode json() {
      try {
        return body.isEmpty() ? null : JSON.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    String type() {
      JsonNode json = json();
      return json == null ? null : json.path("type").asText(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Answer send(String method, String path, String authorization, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().firstValue("X-Correlation-Id").orElse(null));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer json(String method, String path, String authorization, String body) {
    return send(
        method,
        path,
        authorization,
        "application/json",
        body == null ? null : body.replace('\'', '"'));
  }
}
