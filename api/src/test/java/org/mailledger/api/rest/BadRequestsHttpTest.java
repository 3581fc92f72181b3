package org.mailledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.rest.ApiClient.basic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailledger.api.rest.ApiClient.Answer;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract table walked with bad requests over real HTTP: wrong types, oversized strings,
 * injection attempts, missing or wrong credentials, the wrong role. Each must answer its status and
 * problem type as problem+json, reflect none of the hostile input, and leave the log as it was.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + BadRequestsHttpTest.ROOT_PASSWORD,
      "mailledger.bcrypt-cost=4",
      "mailledger.security.max-login-failures=100000"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestsHttpTest {

  static final String ROOT_PASSWORD = "root password for the bad requests";
  static final String ROOT = basic("admin", ROOT_PASSWORD);
  static final String DOMAIN_ADMIN = basic("deputy", "deputy password long");
  static final String WRONG = basic("admin", "not the password at all");
  static final String NONE = null;
  static final String D = "d.example";
  static final String LONG = "x".repeat(300);

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  /** One bad request and what it must answer. */
  record Case(
      String name, String method, String path, String auth, String body, int status, String type) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(
      String name, String method, String path, String auth, String body, int status, String type) {
    return new Case(name, method, path, auth, body, status, type);
  }

  @BeforeAll
  void world() {
    api = new ApiClient(port);
    ok(
        api.json(
            "POST",
            "/api/v1/domains?wait=true",
            ROOT,
            "{'domain':'d.example','quotaGb':1,'maxQuotaGb':5}"));
    ok(api.json("POST", "/api/v1/domains?wait=true", ROOT, "{'domain':'other.example'}"));
    ok(
        api.json(
            "POST",
            "/api/v1/domains/d.example/mailboxes?wait=true",
            ROOT,
            "{'localPart':'alice','password':'alice password long'}"));
    ok(
        api.json(
            "POST",
            "/api/v1/domains/other.example/mailboxes?wait=true",
            ROOT,
            "{'localPart':'olga','password':'olga password long'}"));
    ok(
        api.json(
            "POST",
            "/api/v1/domains/d.example/aliases?wait=true",
            ROOT,
            "{'localPart':'team','recipients':['alice@d.example','x@elsewhere.net'],'senders':['alice@d.example']}"));
    ok(api.json("POST", "/api/v1/domains?wait=true", ROOT, "{'domain':'lone.example'}"));
    ok(
        api.json(
            "POST",
            "/api/v1/alias-domains?wait=true",
            ROOT,
            "{'aliasDomain':'b.example','targetDomain':'d.example'}"));
    ok(
        api.json(
            "POST",
            "/api/v1/alias-domains?wait=true",
            ROOT,
            "{'aliasDomain':'o.example','targetDomain':'other.example'}"));
    ok(
        api.json(
            "POST",
            "/api/v1/alias-domains?wait=true",
            ROOT,
            "{'aliasDomain':'lone-alias.example','targetDomain':'lone.example'}"));
    ok(
        api.json(
            "POST",
            "/api/v1/admins",
            ROOT,
            "{'name':'deputy','password':'deputy password long','role':'DOMAIN_ADMIN','domains':['d.example']}"));
  }

  private static void ok(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 202);
  }

  static Stream<Case> cases() {
    List<Case> all = new ArrayList<>();
    String domains = "/api/v1/domains";
    String mailboxes = "/api/v1/domains/d.example/mailboxes";
    String aliases = "/api/v1/domains/d.example/aliases";
    // Domains
    all.add(
        c(
            "create domain without login",
            "POST",
            domains,
            NONE,
            "{'domain':'new.example'}",
            401,
            "unauthorized"));
    all.add(
        c(
            "create domain with a wrong password",
            "POST",
            domains,
            WRONG,
            "{'domain':'new.example'}",
            401,
            "unauthorized"));
    all.add(
        c(
            "create domain as domain admin",
            "POST",
            domains,
            DOMAIN_ADMIN,
            "{'domain':'new.example'}",
            403,
            "forbidden"));
    all.add(
        c("create domain with an empty body", "POST", domains, ROOT, "{}", 400, "invalid-value"));
    all.add(
        c(
            "create domain with a space",
            "POST",
            domains,
            ROOT,
            "{'domain':'bad domain.example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with SQL injection",
            "POST",
            domains,
            ROOT,
            "{'domain':'x\\u0027; DROP TABLE domains;--.example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with a percent sign",
            "POST",
            domains,
            ROOT,
            "{'domain':'a%b.example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with a number",
            "POST",
            domains,
            ROOT,
            "{'domain':42}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain of 300 characters",
            "POST",
            domains,
            ROOT,
            "{'domain':'" + LONG + ".example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with a label of 64",
            "POST",
            domains,
            ROOT,
            "{'domain':'" + "a".repeat(64) + ".example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with a text quota",
            "POST",
            domains,
            ROOT,
            "{'domain':'new.example','quotaGb':'many'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with a negative quota",
            "POST",
            domains,
            ROOT,
            "{'domain':'new.example','quotaGb':-1}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with a negative limit",
            "POST",
            domains,
            ROOT,
            "{'domain':'new.example','maxMailboxes':-5}",
            400,
            "invalid-limit"));
    all.add(
        c(
            "create domain with an unknown field",
            "POST",
            domains,
            ROOT,
            "{'domain':'new.example','color':'red'}",
            400,
            "unknown-field"));
    all.add(
        c(
            "create domain with broken JSON",
            "POST",
            domains,
            ROOT,
            "{not json",
            400,
            "malformed-body"));
    all.add(
        c("create domain with an array body", "POST", domains, ROOT, "[]", 400, "malformed-body"));
    all.add(
        c(
            "create an existing domain",
            "POST",
            domains,
            ROOT,
            "{'domain':'D.example'}",
            409,
            "domain-exists"));
    all.add(
        c(
            "create domain with a NUL in the description",
            "POST",
            domains,
            ROOT,
            "{'domain':'new.example','description':'a\\u0000b'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with a 300-character description",
            "POST",
            domains,
            ROOT,
            "{'domain':'new.example','description':'" + LONG + "'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create domain with default quota above max",
            "POST",
            domains,
            ROOT,
            "{'domain':'new.example','quotaGb':5,'maxQuotaGb':2}",
            400,
            "default-quota-above-max"));
    all.add(
        c(
            "list domains with size 0",
            "GET",
            domains + "?size=0",
            ROOT,
            null,
            400,
            "invalid-value"));
    all.add(
        c(
            "list domains with size abc",
            "GET",
            domains + "?size=abc",
            ROOT,
            null,
            400,
            "invalid-value"));
    all.add(
        c(
            "list domains with page -1",
            "GET",
            domains + "?page=-1",
            ROOT,
            null,
            400,
            "invalid-value"));
    all.add(c("list domains without login", "GET", domains, NONE, null, 401, "unauthorized"));
    all.add(
        c(
            "read an unknown domain",
            "GET",
            domains + "/unknown.example",
            ROOT,
            null,
            404,
            "unknown-domain"));
    all.add(
        c(
            "read a domain not granted",
            "GET",
            domains + "/other.example",
            DOMAIN_ADMIN,
            null,
            403,
            "forbidden"));
    all.add(
        c(
            "change a domain as domain admin",
            "PATCH",
            domains + "/d.example",
            DOMAIN_ADMIN,
            "{'active':false}",
            403,
            "forbidden"));
    all.add(
        c(
            "change a domain with a text flag",
            "PATCH",
            domains + "/d.example",
            ROOT,
            "{'active':'sometimes'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "change an unknown domain",
            "PATCH",
            domains + "/unknown.example",
            ROOT,
            "{'active':false}",
            404,
            "unknown-domain"));
    all.add(
        c(
            "delete a domain with mailboxes",
            "DELETE",
            domains + "/d.example",
            ROOT,
            null,
            409,
            "domain-not-empty"));
    all.add(
        c(
            "delete an unknown domain",
            "DELETE",
            domains + "/unknown.example",
            ROOT,
            null,
            404,
            "unknown-domain"));
    all.add(
        c(
            "delete a domain as domain admin",
            "DELETE",
            domains + "/d.example",
            DOMAIN_ADMIN,
            null,
            403,
            "forbidden"));
    // Mailboxes
    all.add(
        c(
            "create mailbox without login",
            "POST",
            mailboxes,
            NONE,
            "{'localPart':'bob','password':'bob password long'}",
            401,
            "unauthorized"));
    all.add(
        c(
            "create mailbox in a domain not granted",
            "POST",
            "/api/v1/domains/other.example/mailboxes",
            DOMAIN_ADMIN,
            "{'localPart':'bob','password':'bob password long'}",
            403,
            "forbidden"));
    all.add(
        c(
            "create mailbox with a space",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'bo b','password':'bob password long'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox with a quote",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'bo\\u0027b','password':'bob password long'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox with a 65-character local part",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'" + "b".repeat(65) + "','password':'bob password long'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox called *",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'*','password':'bob password long'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox with a percent",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'%u','password':'bob password long'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox without password",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'bob'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox with a short password",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'bob','password':'short'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox with a 2000-character password",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'bob','password':'" + "p".repeat(2000) + "'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox with a newline in the password",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'bob','password':'line one\\nline two'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox with a ready hash as domain admin",
            "POST",
            mailboxes,
            DOMAIN_ADMIN,
            "{'localPart':'bob','password':'{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create mailbox above the domain's max quota",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'bob','password':'bob password long','quotaGb':100}",
            400,
            "quota-above-domain-max"));
    all.add(
        c(
            "create an existing mailbox",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'Alice','password':'bob password long'}",
            409,
            "address-taken"));
    all.add(
        c(
            "create mailbox at an alias address",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'team','password':'bob password long'}",
            409,
            "address-taken"));
    all.add(
        c(
            "create mailbox in an unknown domain",
            "POST",
            "/api/v1/domains/unknown.example/mailboxes",
            ROOT,
            "{'localPart':'bob','password':'bob password long'}",
            404,
            "unknown-domain"));
    all.add(
        c(
            "create mailbox with a text flag",
            "POST",
            mailboxes,
            ROOT,
            "{'localPart':'bob','password':'bob password long','sendOnly':'maybe'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "read a malformed address",
            "GET",
            "/api/v1/mailboxes/not-an-address",
            ROOT,
            null,
            400,
            "invalid-value"));
    all.add(
        c(
            "read an unknown mailbox",
            "GET",
            "/api/v1/mailboxes/nobody@d.example",
            ROOT,
            null,
            404,
            "unknown-mailbox"));
    all.add(
        c(
            "read a mailbox not granted",
            "GET",
            "/api/v1/mailboxes/olga@other.example",
            DOMAIN_ADMIN,
            null,
            403,
            "forbidden"));
    all.add(
        c(
            "change quota to text",
            "PATCH",
            "/api/v1/mailboxes/alice@d.example",
            ROOT,
            "{'quotaGb':'x'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "rename onto an alias",
            "PATCH",
            "/api/v1/mailboxes/alice@d.example",
            ROOT,
            "{'localPart':'team'}",
            409,
            "address-taken"));
    all.add(
        c(
            "rename to an unsafe local part",
            "PATCH",
            "/api/v1/mailboxes/alice@d.example",
            ROOT,
            "{'localPart':'a\\\"b'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "set a short password",
            "PUT",
            "/api/v1/mailboxes/alice@d.example/password",
            ROOT,
            "{'password':'short'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "set no password",
            "PUT",
            "/api/v1/mailboxes/alice@d.example/password",
            ROOT,
            "{}",
            400,
            "invalid-value"));
    all.add(
        c(
            "set a password not granted",
            "PUT",
            "/api/v1/mailboxes/olga@other.example/password",
            DOMAIN_ADMIN,
            "{'password':'a long new password'}",
            403,
            "forbidden"));
    all.add(
        c(
            "delete a mailbox an alias uses",
            "DELETE",
            "/api/v1/mailboxes/alice@d.example",
            ROOT,
            null,
            409,
            "mailbox-referenced"));
    all.add(
        c(
            "delete an unknown mailbox",
            "DELETE",
            "/api/v1/mailboxes/nobody@d.example",
            ROOT,
            null,
            404,
            "unknown-mailbox"));
    // Aliases
    all.add(
        c(
            "create alias without recipients",
            "POST",
            aliases,
            ROOT,
            "{'localPart':'sales','recipients':[]}",
            400,
            "no-recipient"));
    all.add(
        c(
            "create alias with a broken recipient",
            "POST",
            aliases,
            ROOT,
            "{'localPart':'sales','recipients':['not an address']}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create alias with a recipients string",
            "POST",
            aliases,
            ROOT,
            "{'localPart':'sales','recipients':'alice@d.example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create alias to an unknown hosted address",
            "POST",
            aliases,
            ROOT,
            "{'localPart':'sales','recipients':['nobody@d.example']}",
            400,
            "unknown-recipient"));
    all.add(
        c(
            "create alias with an external sender",
            "POST",
            aliases,
            ROOT,
            "{'localPart':'sales','recipients':['alice@d.example'],'senders':['x@elsewhere.net']}",
            400,
            "sender-not-a-mailbox"));
    all.add(
        c(
            "create alias with a sender not granted",
            "POST",
            aliases,
            DOMAIN_ADMIN,
            "{'localPart':'sales','recipients':['alice@d.example'],'senders':['olga@other.example']}",
            403,
            "forbidden"));
    all.add(
        c(
            "create alias to itself",
            "POST",
            aliases,
            ROOT,
            "{'localPart':'sales','recipients':['sales@d.example']}",
            400,
            "alias-loop"));
    all.add(
        c(
            "create alias with a duplicate recipient",
            "POST",
            aliases,
            ROOT,
            "{'localPart':'sales','recipients':['a@x.net','a@x.net']}",
            400,
            "duplicate-recipient"));
    all.add(
        c(
            "create alias at a mailbox address",
            "POST",
            aliases,
            ROOT,
            "{'localPart':'alice','recipients':['a@x.net']}",
            409,
            "address-taken"));
    all.add(
        c(
            "add an existing recipient",
            "POST",
            "/api/v1/aliases/team@d.example/recipients",
            ROOT,
            "{'address':'alice@d.example'}",
            409,
            "recipient-exists"));
    all.add(
        c(
            "remove a recipient that is none",
            "DELETE",
            "/api/v1/aliases/team@d.example/recipients/nobody@elsewhere.net",
            ROOT,
            null,
            404,
            "not-a-recipient"));
    all.add(
        c(
            "add a sender that is no mailbox",
            "POST",
            "/api/v1/aliases/team@d.example/senders",
            ROOT,
            "{'mailbox':'nobody@d.example'}",
            400,
            "sender-not-a-mailbox"));
    all.add(
        c(
            "delete an unknown alias",
            "DELETE",
            "/api/v1/aliases/unknown@d.example",
            ROOT,
            null,
            404,
            "unknown-alias"));
    all.add(
        c(
            "change an alias not granted",
            "PATCH",
            "/api/v1/aliases/team@d.example",
            basic("deputy", "wrong"),
            "{'active':false}",
            401,
            "unauthorized"));
    // TLS policies
    all.add(
        c(
            "set an unknown TLS level",
            "PUT",
            "/api/v1/tls-policies/x.example",
            ROOT,
            "{'policy':'sometimes'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "set fingerprint without match",
            "PUT",
            "/api/v1/tls-policies/x.example",
            ROOT,
            "{'policy':'fingerprint'}",
            400,
            "tls-params"));
    all.add(
        c(
            "set TLS params with a percent",
            "PUT",
            "/api/v1/tls-policies/x.example",
            ROOT,
            "{'policy':'secure','params':'match=%s'}",
            400,
            "tls-params"));
    all.add(
        c(
            "set a TLS policy as domain admin",
            "PUT",
            "/api/v1/tls-policies/x.example",
            DOMAIN_ADMIN,
            "{'policy':'may'}",
            403,
            "forbidden"));
    all.add(
        c(
            "remove a TLS policy never set",
            "DELETE",
            "/api/v1/tls-policies/never.example",
            ROOT,
            null,
            404,
            "not-found"));
    // Alias domains
    String aliasDomains = "/api/v1/alias-domains";
    all.add(
        c(
            "create alias domain without login",
            "POST",
            aliasDomains,
            NONE,
            "{'aliasDomain':'n.example','targetDomain':'d.example'}",
            401,
            "unauthorized"));
    all.add(
        c(
            "create alias domain as domain admin",
            "POST",
            aliasDomains,
            DOMAIN_ADMIN,
            "{'aliasDomain':'n.example','targetDomain':'d.example'}",
            403,
            "forbidden"));
    all.add(
        c(
            "create alias domain with an empty body",
            "POST",
            aliasDomains,
            ROOT,
            "{}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create alias domain with a space",
            "POST",
            aliasDomains,
            ROOT,
            "{'aliasDomain':'bad name.example','targetDomain':'d.example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create alias domain with a percent in the target",
            "POST",
            aliasDomains,
            ROOT,
            "{'aliasDomain':'n.example','targetDomain':'d%.example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create alias domain with a number",
            "POST",
            aliasDomains,
            ROOT,
            "{'aliasDomain':7,'targetDomain':'d.example'}",
            400,
            "invalid-value"));
    all.add(
        c(
            "create alias domain of an unknown target",
            "POST",
            aliasDomains,
            ROOT,
            "{'aliasDomain':'n.example','targetDomain':'nowhere.example'}",
            404,
            "unknown-domain"));
    all.add(
        c(
            "create alias domain named like a hosted domain",
            "POST",
            aliasDomains,
            ROOT,
            "{'aliasDomain':'other.example','targetDomain':'d.example'}",
            409,
            "domain-exists"));
    all.add(
        c(
            "create alias domain named like another alias domain",
            "POST",
            aliasDomains,
            ROOT,
            "{'aliasDomain':'b.example','targetDomain':'other.example'}",
            409,
            "domain-exists"));
    all.add(
        c(
            "create alias domain of itself",
            "POST",
            aliasDomains,
            ROOT,
            "{'aliasDomain':'d.example','targetDomain':'d.example'}",
            400,
            "alias-domain-is-target"));
    all.add(
        c(
            "create alias domain of an alias domain",
            "POST",
            aliasDomains,
            ROOT,
            "{'aliasDomain':'n.example','targetDomain':'b.example'}",
            409,
            "target-is-alias-domain"));
    all.add(
        c(
            "create hosted domain named like an alias domain",
            "POST",
            domains,
            ROOT,
            "{'domain':'b.example'}",
            409,
            "domain-exists"));
    all.add(
        c(
            "create mailbox in an alias domain",
            "POST",
            "/api/v1/domains/b.example/mailboxes",
            ROOT,
            "{'localPart':'zed','password':'zed password long'}",
            404,
            "unknown-domain"));
    all.add(
        c(
            "delete a target of an alias domain",
            "DELETE",
            "/api/v1/domains/lone.example",
            ROOT,
            null,
            409,
            "domain-not-empty"));
    all.add(
        c(
            "change alias domain without active",
            "PATCH",
            aliasDomains + "/b.example",
            ROOT,
            "{}",
            400,
            "invalid-value"));
    all.add(
        c(
            "change alias domain as domain admin",
            "PATCH",
            aliasDomains + "/b.example",
            DOMAIN_ADMIN,
            "{'active':false}",
            403,
            "forbidden"));
    all.add(
        c(
            "change unknown alias domain",
            "PATCH",
            aliasDomains + "/none.example",
            ROOT,
            "{'active':false}",
            404,
            "unknown-alias-domain"));
    all.add(
        c(
            "delete unknown alias domain",
            "DELETE",
            aliasDomains + "/none.example",
            ROOT,
            null,
            404,
            "unknown-alias-domain"));
    all.add(
        c(
            "delete alias domain as domain admin",
            "DELETE",
            aliasDomains + "/b.example",
            DOMAIN_ADMIN,
            null,
            403,
            "forbidden"));
    all.add(
        c(
            "read alias domain of a foreign target as domain admin",
            "GET",
            aliasDomains + "/o.example",
            DOMAIN_ADMIN,
            null,
            403,
            "forbidden"));
    all.add(
        c(
            "read unknown alias domain as domain admin",
            "GET",
            aliasDomains + "/none.example",
            DOMAIN_ADMIN,
            null,
            403,
            "forbidden"));
    all.add(
        c(
            "read alias domain with a bad name",
            "GET",
            aliasDomains + "/bad_name!.example",
            ROOT,
            null,
            400,
            "invalid-value"));
    // Admins
    all.add(
        c(
            "create admin as domain admin",
            "POST",
            "/api/v1/admins",
            DOMAIN_ADMIN,
            "{'name':'eve','password':'eve password long','role':'SUPERADMIN'}",
            403,
            "forbidden"));
    all.add(
        c(
            "create admin with a short password",
            "POST",
            "/api/v1/admins",
            ROOT,
            "{'name':'eve','password':'short','role':'SUPERADMIN'}",
            400,
            "invalid-value"));
    return all.stream();
  }

  private long events() {
    return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersProblemAndChangesNothing(Case bad) {
    long before = events();
    Answer answer = api.json(bad.method(), bad.path(), bad.auth(), bad.body());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(bad.status());
    assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
    assertThat(answer.type())
        .as(answer.toString())
        .isEqualTo("urn:mailledger:problem:" + bad.type());
    assertThat(answer.body())
        .doesNotContain("DROP TABLE")
        .doesNotContain("\u0000")
        .doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    assertThat(events()).as("the log did not grow").isEqualTo(before);
  }

  @Test
  void thereAreAtLeastSixtyCases() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(60);
  }
}
