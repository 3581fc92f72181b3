package org.mailledger.command.password;

/** What one {@code doveadm pw} run printed (stdout and stderr together) and how it exited. */
record DoveadmResult(int exitCode, String output) {

  boolean verified() {
    return exitCode == 0 && output.contains("(verified)");
  }
}
