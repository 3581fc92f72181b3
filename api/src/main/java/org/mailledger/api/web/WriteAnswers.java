package org.mailledger.api.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How a write answers: 201 or 200 with the log position of its last event, or 202 when the client
 * asked to wait and a layout had not applied that position within the bounded wait.
 */
public final class WriteAnswers {

  private WriteAnswers() {}

  public static ResponseEntity<Map<String, Object>> created(
      URI location, Outcome<?> outcome, Map<String, Object> body) {
    return answer(HttpStatus.CREATED, outcome, body)
        .location(location)
        .body(withPosition(outcome, body));
  }

  public static ResponseEntity<Map<String, Object>> ok(
      Outcome<?> outcome, Map<String, Object> body) {
    return answer(HttpStatus.OK, outcome, body).body(withPosition(outcome, body));
  }

  private static ResponseEntity.BodyBuilder answer(
      HttpStatus status, Outcome<?> outcome, Map<String, Object> body) {
    return ResponseEntity.status(outcome.applied() ? status : HttpStatus.ACCEPTED);
  }

  private static Map<String, Object> withPosition(Outcome<?> outcome, Map<String, Object> body) {
    Map<String, Object> answer = new LinkedHashMap<>(body);
    answer.put("position", outcome.position());
    if (!outcome.applied()) {
      answer.put("applied", false);
    }
    return answer;
  }
}
