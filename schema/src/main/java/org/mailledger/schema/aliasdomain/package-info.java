/**
 * Alias domains: domain B (the alias domain) delivers to the same local parts in domain A (the
 * target), as PostfixAdmin's {@code alias_domain} table has it. An alias domain holds no mailboxes
 * or aliases of its own; its name is taken from the same name space as hosted domains. Every event
 * carries both names, so a layout needs no state to place it, and it is sequenced with its target.
 */
package org.mailledger.schema.aliasdomain;
