package org.mailledger.api.read;

import java.util.List;

/** An alias as the API shows it; the catch-all has the address {@code @domain}. */
public record AliasView(
    String address,
    boolean catchAll,
    String description,
    boolean active,
    List<String> recipients,
    List<String> senders) {}
