package org.mailledger.projection.fold;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four tables of the {@code postfixadmin} layout with PostfixAdmin's columns, parents first,
 * each keyed by PostfixAdmin's natural key.
 */
public final class PostfixAdminTables {

  public static final LayoutTables LAYOUT =
      new LayoutTables(
          "postfixadmin",
          List.of("domain", "mailbox", "alias", "alias_domain"),
          List.of(),
          Map.of(
              "domain",
              List.of(
                  "domain",
                  "description",
                  "aliases",
                  "mailboxes",
                  "maxquota",
                  "quota",
                  "transport",
                  "backupmx",
                  "created",
                  "modified",
                  "active"),
              "mailbox",
              List.of(
                  "username",
                  "password",
                  "name",
                  "maildir",
                  "quota",
                  "local_part",
                  "domain",
                  "created",
                  "modified",
                  "active"),
              "alias",
              List.of("address", "goto", "domain", "created", "modified", "active"),
              "alias_domain",
              List.of("alias_domain", "target_domain", "created", "modified", "active")),
          Map.of(
              "domain", "domain",
              "mailbox", "username",
              "alias", "address",
              "alias_domain", "alias_domain"),
          Set.of("active", "backupmx"),
          Set.of("created", "modified"));

  private PostfixAdminTables() {}
}
