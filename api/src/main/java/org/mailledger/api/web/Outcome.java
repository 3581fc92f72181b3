package org.mailledger.api.web;

/**
 * What a write did: the handler's result, the log position of its last event, and whether every
 * lookup-table layout had applied that position when the answer was given.
 */
public record Outcome<R>(R result, long position, boolean applied) {}
