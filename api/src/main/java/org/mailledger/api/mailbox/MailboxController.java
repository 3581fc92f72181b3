package org.mailledger.api.mailbox;

import static org.mailledger.command.error.RuleViolationException.notFound;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mailledger.api.read.LookupReads;
import org.mailledger.api.read.MailboxView;
import org.mailledger.api.security.DomainAccess;
import org.mailledger.api.web.Addresses;
import org.mailledger.api.web.CommandSender;
import org.mailledger.api.web.Outcome;
import org.mailledger.api.web.Page;
import org.mailledger.api.web.PageRequest;
import org.mailledger.api.web.WriteAnswers;
import org.mailledger.command.claim.AddressClaim;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.schema.mailbox.ActivateMailboxCommand;
import org.mailledger.schema.mailbox.ChangeMailboxNameCommand;
import org.mailledger.schema.mailbox.ChangeMailboxPasswordCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.mailbox.DeleteMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.mailbox.SetMailboxSendOnlyCommand;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mailboxes, for SUPERADMINs and for the admins of their domain. */
@RestController
@RequestMapping("/api/v1")
public class MailboxController {

  private final CommandSender commands;
  private final Addresses addresses;
  private final LookupReads reads;
  private final DomainAccess access;
  private final PasswordHasher hasher;

  public MailboxController(
      CommandSender commands,
      Addresses addresses,
      LookupReads reads,
      DomainAccess access,
      PasswordHasher hasher) {
    this.commands = commands;
    this.addresses = addresses;
    this.reads = reads;
    this.access = access;
    this.hasher = hasher;
  }

  /** A new mailbox; the quota in whole GB, absent for the domain's default. */
  public record CreateMailbox(
      String localPart, Secret password, String name, Long quotaGb, Boolean sendOnly) {}

  /** Any of these; {@code localPart} renames the mailbox within its domain. */
  public record ChangeMailbox(
      Boolean active, String name, Long quotaGb, Boolean sendOnly, String localPart) {}

  /** A new password. */
  public record NewPassword(Secret password) {}

  @Operation(summary = "Create a mailbox")
  @PostMapping("/domains/{domain}/mailboxes")
  public ResponseEntity<Map<String, Object>> create(
      @PathVariable String domain,
      @RequestBody CreateMailbox body,
      @RequestParam(defaultValue = "false") boolean wait) {
    DomainClaim claim = addresses.domain(domain);
    EmailAddress address =
        new EmailAddress(
            LocalPart.of(required("localPart", body.localPart())),
            org.mailledger.schema.value.DomainName.of(claim.name()));
    Secret password = checkedPassword(body.password());
    Outcome<String> outcome =
        commands.send(
            wait,
            new CreateMailboxCommand(
                UUID.randomUUID().toString(),
                address,
                password,
                body.name(),
                body.quotaGb() == null ? null : Quota.ofGigabytes(body.quotaGb()),
                Boolean.TRUE.equals(body.sendOnly())));
    return WriteAnswers.created(
        URI.create("/api/v1/mailboxes/" + address), outcome, Map.of("address", address.toString()));
  }

  @Operation(summary = "List a domain's mailboxes")
  @GetMapping("/domains/{domain}/mailboxes")
  public Page<MailboxView> list(
      @PathVariable String domain,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    DomainClaim claim = addresses.domain(domain);
    return reads.mailboxes(claim.name(), new PageRequest(page, size));
  }

  @Operation(summary = "Read a mailbox (never its hash)")
  @GetMapping(value = "/mailboxes/{address}", params = "!asOf")
  public MailboxView read(@PathVariable String address) {
    EmailAddress parsed = EmailAddress.parse(address);
    access.require(parsed.domain().ascii());
    return reads
        .mailbox(parsed.localPart().value(), parsed.domain().ascii())
        .orElseThrow(() -> notFound("unknown-mailbox", "no mailbox " + parsed));
  }

  @Operation(summary = "Change name, quota, send-only, active, or rename (localPart)")
  @PatchMapping("/mailboxes/{address}")
  public ResponseEntity<Map<String, Object>> change(
      @PathVariable String address,
      @RequestBody ChangeMailbox body,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim mailbox = addresses.mailbox(address);
    String id = mailbox.ownerId();
    List<Object> changes = new ArrayList<>();
    if (body.name() != null) {
      changes.add(new ChangeMailboxNameCommand(id, body.name()));
    }
    if (body.quotaGb() != null) {
      changes.add(new ChangeMailboxQuotaCommand(id, Quota.ofGigabytes(body.quotaGb())));
    }
    if (body.sendOnly() != null) {
      changes.add(new SetMailboxSendOnlyCommand(id, body.sendOnly()));
    }
    if (body.active() != null) {
      changes.add(
          body.active() ? new ActivateMailboxCommand(id) : new DeactivateMailboxCommand(id));
    }
    String now = mailbox.address();
    if (body.localPart() != null) {
      LocalPart renamed = LocalPart.of(body.localPart());
      changes.add(new RenameMailboxCommand(id, renamed));
      now = renamed + now.substring(now.lastIndexOf('@'));
    }
    return WriteAnswers.ok(commands.send(wait, changes.toArray()), Map.of("address", now));
  }

  @Operation(summary = "Set a new password")
  @PutMapping("/mailboxes/{address}/password")
  public ResponseEntity<Map<String, Object>> password(
      @PathVariable String address,
      @RequestBody NewPassword body,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim mailbox = addresses.mailbox(address);
    Secret password = checkedPassword(body.password());
    return WriteAnswers.ok(
        commands.send(wait, new ChangeMailboxPasswordCommand(mailbox.ownerId(), password)),
        Map.of("address", mailbox.address()));
  }

  @Operation(summary = "Delete a mailbox; ?cascade=true removes it from aliases first")
  @DeleteMapping("/mailboxes/{address}")
  public ResponseEntity<Map<String, Object>> delete(
      @PathVariable String address,
      @RequestParam(defaultValue = "false") boolean cascade,
      @RequestParam(defaultValue = "false") boolean wait) {
    AddressClaim mailbox = addresses.mailbox(address);
    return WriteAnswers.ok(
        commands.send(wait, new DeleteMailboxCommand(mailbox.ownerId(), cascade)),
        Map.of("address", mailbox.address()));
  }

  /**
   * A ready hash skips the length rules, which is for imports and migrations: only a SUPERADMIN may
   * hand one in.
   */
  private Secret checkedPassword(Secret password) {
    if (password == null) {
      throw new InvalidValueException("password", "is required");
    }
    if (hasher.isPreHashed(password) && !access.isSuperadmin()) {
      throw new InvalidValueException(
          "password", "must be plaintext; only a SUPERADMIN may set a ready hash");
    }
    return password;
  }

  static String required(String field, String value) {
    if (value == null) {
      throw new InvalidValueException(field, "is required");
    }
    return value;
  }
}
