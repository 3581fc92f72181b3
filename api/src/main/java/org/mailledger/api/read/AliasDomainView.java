package org.mailledger.api.read;

/**
 * An alias domain as the API shows it: {@code active} is its own flag; {@code delivering} says
 * whether Postfix takes its mail now, which needs its target active as well.
 */
public record AliasDomainView(
    String aliasDomain, String unicode, String targetDomain, boolean active, boolean delivering) {}
