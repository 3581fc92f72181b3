package org.mailledger.ops.imports;

import java.util.List;

/**
 * Everything read from the source database in one read-only snapshot, plus what the reader itself
 * already knew it would not carry over (rows with no equivalent in Mailledger).
 */
public record SourceData(
    List<SourceDomain> domains,
    List<SourceAliasDomain> aliasDomains,
    List<SourceMailbox> mailboxes,
    List<SourceAlias> aliases,
    List<SourceTlsPolicy> tlsPolicies,
    List<Finding> findings) {}
