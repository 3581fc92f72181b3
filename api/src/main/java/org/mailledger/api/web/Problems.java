package org.mailledger.api.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with Mailledger's stable types: {@code urn:mailledger:problem:<type>},
 * for example {@code urn:mailledger:problem:address-taken}. Clients branch on the type; the detail
 * is for people.
 */
public final class Problems {

  public static final String PREFIX = "urn:mailledger:problem:";

  private Problems() {}

  public static URI type(String type) {
    return URI.create(PREFIX + type);
  }

  public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(type));
    problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
    return problem;
  }
}
