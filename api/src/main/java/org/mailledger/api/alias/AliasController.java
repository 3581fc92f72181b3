package org.mailledger.api.alias;

import static org.mailledger.command.error.RuleViolationException.notFound;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mailledger.api.read.AliasView;
import org.mailledger.api.read.LookupReads;
import org.mailledger.api.security.DomainAccess;
import org.mailledger.api.web.Addresses;
import org.mailledger.api.web.CommandSender;
import org.mailledger.api.web.Outcome;
import org.mailledger.api.web.Page;
import org.mailledger.api.web.PageRequest;
import org.mailledger.api.web.WriteAnswers;
import org.mailledger.command.claim.AddressClaim;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.schema.alias.ActivateAliasCommand;
import org.mailledger.schema.alias.AddAliasRecipientCommand;
import org.mailledger.schema.alias.AddAliasSenderCommand;
import org.mailledger.schema.alias.ChangeAliasDescriptionCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.alias.DeleteAliasCommand;
import org.mailledger.schema.alias.RemoveAliasRecipientCommand;
import org.mailledger.schema.alias.RemoveAliasSenderCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.InvalidValueException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Aliases and catch-alls. A domain admin manages the aliases of its domains, and may name as
 * senders only mailboxes of domains it manages too.
 */
@RestController
@RequestMapping("/api/v1")
public class AliasController {

  private static final int MAX_LISTED = 1000;

  private final CommandSender commands;
  private final Addresses addresses;
  private final LookupReads reads;
  private final DomainAccess access;

  public AliasController(
      CommandSender commands, Addresses addresses, LookupReads reads, DomainAccess access) {
    this.commands = commands;
    this.addresses = addresses;
    this.reads = reads;
    this.access = access;
  }

  /** A new alias; a local part of {@code *} or empty makes the domain's catch-all. */
  public record CreateAlias(
      String localPart, List<String> recipients, List<String> senders, String description) {}

  /** Any of these. */
  public record ChangeAlias(Boolean active, String description) {}

  /** A recipient to add. */
  public record Recipient(String address) {}

  /** A mailbox that may send as the alias. */
  public record Sender(String mailbox) {}

  @Operation(summary = "Create an alias; localPart * or empty makes the catch-all")
  @PostMapping("/domains/{domain}/aliases")
  public ResponseEntity<Map<String, Object>> create(
      @PathVariable String domain,
      @RequestBody CreateAlias body,
      @RequestParam(defaultValue = "false") boolean wait) {
    DomainClaim claim = addresses.domain(domain);
    AliasAddress address = AliasAddress.of(body.localPart(), DomainName.of(claim.name()));
    List<EmailAddress> recipients = parsed("recipients", body.recipients());
    List<EmailAddress> senders = parsed("senders", body.senders());
    senders.forEach(sender -> access.require(sender.domain().ascii()));
    Outcome<String> outcome =
        commands.send(
            wait,
            new CreateAliasCommand(
                UUID.randomUUID().toString(), address, recipients, senders, body.description()));
    return WriteAnswers.created(
        URI.create("/api/v1/aliases/" + address), outcome, Map.of("address", address.toString()));
  }

  @Operation(summary = "List a domain's aliases")
  @GetMapping("/domains/{domain}/aliases")
  public Page<AliasView> list(
      @PathVariable String domain,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    DomainClaim claim = addresses.domain(domain);
    return reads.aliases(claim.name(), new PageRequest(page, size));
  }

  @Operation(summary = "Read an alias with its recipients and senders")
  @GetMapping(value = "/aliases/{address}", params = "!asOf")
  public AliasView read(@PathVariable String address) {
    AliasAddress parsed = AliasAddress.parse(address);
    access.require(parsed.domain().ascii());
    String local = parsed.isCatchAll() ? "" : parsed.localPart().value();
    return reads
        .alias(local, parsed.domain().ascii())
        .orElseThrow(() -> notFound("unknown-alias", "no alias " + parsed));
  }

  @Operation(summary = "Change description or activate/deactivate")
  @PatchMapping("/aliases/{address}")
  public ResponseEntity<Map<String, Object>> change(
      @PathVariable String address,
      @RequestBody ChangeAlias body,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim alias = addresses.alias(address);
    List<Object> changes = new ArrayList<>();
    if (body.description() != null) {
      changes.add(new ChangeAliasDescriptionCommand(alias.ownerId(), body.description()));
    }
    if (body.active() != null) {
      changes.add(
          body.active()
              ? new ActivateAliasCommand(alias.ownerId())
              : new DeactivateAliasCommand(alias.ownerId()));
    }
    return WriteAnswers.ok(
        commands.send(wait, changes.toArray()), Map.of("address", alias.address()));
  }

  @Operation(summary = "Add a recipient")
  @PostMapping("/aliases/{address}/recipients")
  public ResponseEntity<Map<String, Object>> addRecipient(
      @PathVariable String address,
      @RequestBody Recipient body,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim alias = addresses.alias(address);
    EmailAddress recipient = EmailAddress.parse(body.address());
    return WriteAnswers.ok(
        commands.send(wait, new AddAliasRecipientCommand(alias.ownerId(), recipient)),
        Map.of("address", alias.address(), "recipient", recipient.toString()));
  }

  @Operation(summary = "Remove a recipient (not the last)")
  @DeleteMapping("/aliases/{address}/recipients/{recipient}")
  public ResponseEntity<Map<String, Object>> removeRecipient(
      @PathVariable String address,
      @PathVariable String recipient,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim alias = addresses.alias(address);
    EmailAddress parsed = EmailAddress.parse(recipient);
    return WriteAnswers.ok(
        commands.send(wait, new RemoveAliasRecipientCommand(alias.ownerId(), parsed)),
        Map.of("address", alias.address(), "recipient", parsed.toString()));
  }

  @Operation(summary = "Let a mailbox send as the alias")
  @PostMapping("/aliases/{address}/senders")
  public ResponseEntity<Map<String, Object>> addSender(
      @PathVariable String address,
      @RequestBody Sender body,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim alias = addresses.alias(address);
    EmailAddress mailbox = EmailAddress.parse(body.mailbox());
    access.require(mailbox.domain().ascii());
    return WriteAnswers.ok(
        commands.send(wait, new AddAliasSenderCommand(alias.ownerId(), mailbox)),
        Map.of("address", alias.address(), "sender", mailbox.toString()));
  }

  @Operation(summary = "Take back a mailbox's right to send as the alias")
  @DeleteMapping("/aliases/{address}/senders/{mailbox}")
  public ResponseEntity<Map<String, Object>> removeSender(
      @PathVariable String address,
      @PathVariable String mailbox,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim alias = addresses.alias(address);
    EmailAddress parsed = EmailAddress.parse(mailbox);
    return WriteAnswers.ok(
        commands.send(wait, new RemoveAliasSenderCommand(alias.ownerId(), parsed)),
        Map.of("address", alias.address(), "sender", parsed.toString()));
  }

  @Operation(summary = "Delete an alias; ?cascade=true removes it from other aliases first")
  @DeleteMapping("/aliases/{address}")
  public ResponseEntity<Map<String, Object>> delete(
      @PathVariable String address,
      @RequestParam(defaultValue = "false") boolean cascade,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim alias = addresses.alias(address);
    return WriteAnswers.ok(
        commands.send(wait, new DeleteAliasCommand(alias.ownerId(), cascade)),
        Map.of("address", alias.address()));
  }

  private static List<EmailAddress> parsed(String field, List<String> addresses) {
    if (addresses == null) {
      return List.of();
    }
    if (addresses.size() > MAX_LISTED) {
      throw new InvalidValueException(field, "takes at most " + MAX_LISTED + " addresses");
    }
    List<EmailAddress> parsed = new ArrayList<>();
    for (String address : addresses) {
      parsed.add(EmailAddress.parse(address));
    }
    return parsed;
  }
}
