package org.mailledger.ops.imports;

/** The tools {@code ops import} reads. */
public enum SourceKind {
  POSTFIXADMIN,
  MUM,
  DINOMAIL;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
