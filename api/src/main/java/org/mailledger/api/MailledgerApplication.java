package org.mailledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Mailledger application: the command side, the projections and, later, the REST API. */
@SpringBootApplication(scanBasePackages = "org.mailledger")
@ConfigurationPropertiesScan("org.mailledger")
public class MailledgerApplication {

  public static void main(String[] args) {
    System.setProperty("axoniq.update-checker.disabled", "true");
    SpringApplication.run(MailledgerApplication.class, args);
  }
}
