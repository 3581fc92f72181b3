package org.mailledger.projection.progress;

/**
 * A rebuild that failed: its shadow tables were dropped and the live tables left as they were.
 *
 * @param failed when (ISO-8601)
 * @param message why, e.g. the foreign key of another tool's table that the rebuilt tables would
 *     have broken
 */
public record RebuildFailure(String failed, String message) {}
