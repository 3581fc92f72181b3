package org.mailledger.command.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone, on a real database, as the app would run it. */
@SpringBootApplication(scanBasePackages = "org.mailledger.command")
public class CommandSideTestApplication {}
