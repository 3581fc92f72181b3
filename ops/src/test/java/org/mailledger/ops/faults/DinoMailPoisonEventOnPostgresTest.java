package org.mailledger.ops.faults;

/**
 * The poison event on DinoMail's tables on PostgreSQL (4 segments), a row deleted from the table
 * behind its views.
 */
class DinoMailPoisonEventOnPostgresTest extends PoisonEventOnPostgresTest {

  @Override
  PoisonLayout layout() {
    return PoisonLayout.DINOMAIL;
  }
}
