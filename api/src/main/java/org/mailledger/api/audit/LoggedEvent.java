package org.mailledger.api.audit;

/** An event read back from the log: its position and its deserialized payload. */
record LoggedEvent(long position, Object payload) {}
