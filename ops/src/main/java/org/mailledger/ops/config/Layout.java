package org.mailledger.ops.config;

/** The lookup-table layouts the tools that read or fold a layout's tables handle. */
public enum Layout {
  MUM,
  POSTFIXADMIN,
  DINOMAIL
}
