package org.mailledger.testsupport.consumer;

/** What a finished command left: its exit code and both output streams. */
record ProcessResult(int exitCode, String stdout, String stderr) {

  String describe() {
    return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
  }
}
