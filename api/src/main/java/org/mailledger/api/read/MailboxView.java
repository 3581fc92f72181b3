package org.mailledger.api.read;

/** A mailbox as the API shows it: never its password hash. */
public record MailboxView(
    String address,
    String unicode,
    String name,
    long quotaGb,
    boolean sendOnly,
    boolean active,
    String home) {}
