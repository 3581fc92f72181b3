package org.mailledger.ops.faults;

/** The poison event on PostfixAdmin's tables on MariaDB (one segment), the log on PostgreSQL. */
class PostfixAdminPoisonEventOnMariaDbTest extends PoisonEventOnMariaDbTest {

  @Override
  PoisonLayout layout() {
    return PoisonLayout.POSTFIXADMIN;
  }
}
