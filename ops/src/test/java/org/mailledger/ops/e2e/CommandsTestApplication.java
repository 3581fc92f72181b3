package org.mailledger.ops.e2e;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side and the projections, as the app runs them, to fill the tables by commands. */
@SpringBootApplication(scanBasePackages = {"org.mailledger.command", "org.mailledger.projection"})
public class CommandsTestApplication {}
