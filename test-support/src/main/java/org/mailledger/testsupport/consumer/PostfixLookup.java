package org.mailledger.testsupport.consumer;

import java.util.Optional;

/**
 * One {@code postmap -q} answer.
 *
 * @param value the looked-up value, empty when Postfix found nothing
 * @param warnings what postmap printed on stderr without failing, such as pgsql's "empty lookup
 *     result -- ignored"; empty when it printed nothing
 */
public record PostfixLookup(Optional<String> value, String warnings) {}
