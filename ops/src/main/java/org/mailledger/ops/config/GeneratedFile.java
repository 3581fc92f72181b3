package org.mailledger.ops.config;

/**
 * One file of the generated configuration.
 *
 * @param path relative to the output directory, with {@code /} separators
 * @param secret whether it holds a database password and so must be readable by its owner only
 */
public record GeneratedFile(String path, String content, boolean secret) {}
