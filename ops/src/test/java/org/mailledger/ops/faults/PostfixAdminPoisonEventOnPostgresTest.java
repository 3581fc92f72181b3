package org.mailledger.ops.faults;

/**
 * The poison event on PostfixAdmin's tables on PostgreSQL (4 segments; alias-domain events
 * sequenced by their name).
 */
class PostfixAdminPoisonEventOnPostgresTest extends PoisonEventOnPostgresTest {

  @Override
  PoisonLayout layout() {
    return PoisonLayout.POSTFIXADMIN;
  }
}
