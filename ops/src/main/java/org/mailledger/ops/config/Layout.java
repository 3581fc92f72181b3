package org.mailledger.ops.config;

/** The lookup-table layouts whose Postfix and Dovecot configuration ops can write. */
public enum Layout {
  MUM
}
