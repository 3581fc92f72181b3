package org.mailledger.ops;

import org.mailledger.ops.config.ConfigCommand;
import org.mailledger.ops.export.ExportCommand;
import org.mailledger.ops.imports.ImportCommand;
import org.mailledger.ops.log.LogCommand;
import org.mailledger.ops.rebuild.RebuildCommand;
import org.mailledger.ops.status.StatusCommand;
import org.mailledger.ops.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operators' command line. It only holds subcommands, so that rebuild, verify and status can
 * join {@code config} without changing how the tool is called.
 */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true,
    versionProvider = OpsVersion.class,
    description = "Mailledger operator tool.",
    subcommands = {
      ConfigCommand.class,
      VerifyCommand.class,
      ExportCommand.class,
      LogCommand.class,
      StatusCommand.class,
      RebuildCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    })
public class OpsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new OpsCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  // Called with no subcommand: a container has nothing to do, so say what it offers.
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }
}
