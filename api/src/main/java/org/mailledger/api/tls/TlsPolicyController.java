package org.mailledger.api.tls;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.mailledger.api.read.LookupReads;
import org.mailledger.api.read.TlsPolicyView;
import org.mailledger.api.security.DomainAccess;
import org.mailledger.api.web.CommandSender;
import org.mailledger.api.web.Page;
import org.mailledger.api.web.PageRequest;
import org.mailledger.api.web.WriteAnswers;
import org.mailledger.schema.tls.RemoveTlsPolicyCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.DomainName;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outgoing TLS policies per destination domain: server-wide, so for SUPERADMINs. */
@RestController
@RequestMapping("/api/v1/tls-policies")
public class TlsPolicyController {

  private final CommandSender commands;
  private final LookupReads reads;
  private final DomainAccess access;

  public TlsPolicyController(CommandSender commands, LookupReads reads, DomainAccess access) {
    this.commands = commands;
    this.reads = reads;
    this.access = access;
  }

  /** A Postfix TLS security level and its attributes, e.g. {@code match=...}. */
  public record SetPolicy(TlsPolicyLevel policy, String params, String description) {}

  @Operation(summary = "List the outgoing TLS policies (SUPERADMIN)")
  @GetMapping
  public Page<TlsPolicyView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    access.requireSuperadmin();
    return reads.tlsPolicies(new PageRequest(page, size));
  }

  @Operation(summary = "Set the TLS policy for a destination domain (SUPERADMIN)")
  @PutMapping("/{domain}")
  public ResponseEntity<Map<String, Object>> set(
      @PathVariable String domain,
      @RequestBody SetPolicy body,
      @RequestParam(defaultValue = "false") boolean wait) {
    access.requireSuperadmin();
    DomainName destination = DomainName.of(domain);
    if (body.policy() == null) {
      throw new org.mailledger.schema.value.InvalidValueException("policy", "is required");
    }
    return WriteAnswers.ok(
        commands.send(
            wait,
            new SetTlsPolicyCommand(destination, body.policy(), body.params(), body.description())),
        Map.of("domain", destination.ascii(), "policy", body.policy().postfixName()));
  }

  @Operation(summary = "Remove the TLS policy for a destination domain (SUPERADMIN)")
  @DeleteMapping("/{domain}")
  public ResponseEntity<Map<String, Object>> remove(
      @PathVariable String domain, @RequestParam(defaultValue = "false") boolean wait) {
    access.requireSuperadmin();
    DomainName destination = DomainName.of(domain);
    return WriteAnswers.ok(
        commands.send(wait, new RemoveTlsPolicyCommand(destination)),
        Map.of("domain", destination.ascii()));
  }
}
