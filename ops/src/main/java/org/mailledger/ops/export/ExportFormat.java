package org.mailledger.ops.export;

/** What {@code ops export} writes. */
public enum ExportFormat {
  SQL,
  CSV
}
