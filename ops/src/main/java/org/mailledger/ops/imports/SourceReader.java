package org.mailledger.ops.imports;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads one tool's tables, inside the read-only transaction {@link ImportCommand} opens. */
interface SourceReader {

  SourceData read(Connection connection) throws SQLException;
}
