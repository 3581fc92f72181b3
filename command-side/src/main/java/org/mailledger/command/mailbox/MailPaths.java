package org.mailledger.command.mailbox;

/**
 * Where a mailbox's files live: under the mail root, by the mailbox's stable id and never by its
 * address, so a rename moves no files and a re-created address never inherits old mail.
 */
public record MailPaths(String mailRoot) {

  public MailPaths {
    if (mailRoot == null || !mailRoot.startsWith("/")) {
      throw new IllegalArgumentException("mailledger.mail-root must be an absolute path");
    }
    mailRoot =
        mailRoot.endsWith("/") && mailRoot.length() > 1
            ? mailRoot.substring(0, mailRoot.length() - 1)
            : mailRoot;
  }

  public String home(String mailboxId) {
    return mailRoot + "/" + mailboxId;
  }

  public String maildir(String mailboxId) {
    return home(mailboxId) + "/Maildir";
  }
}
