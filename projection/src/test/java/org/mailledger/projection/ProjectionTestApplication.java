package org.mailledger.projection;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side and the projections together, as the app runs them, without HTTP. */
@SpringBootApplication(scanBasePackages = {"org.mailledger.command", "org.mailledger.projection"})
public class ProjectionTestApplication {}
