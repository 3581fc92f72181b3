package org.mailledger.ops.config;

/**
 * The lookup-table layouts whose Postfix and Dovecot configuration {@code ops config} can write.
 * Apart from {@link Layout}, the layouts the other commands (verify, export, rebuild) take, which
 * may differ: rebuild handles fewer so far.
 */
public enum ConfigLayout {
  MUM,
  POSTFIXADMIN,
  DINOMAIL
}
