package org.mailledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

class DatabaseFailuresTest {

  @Test
  void aServerShuttingDownUnderACommandIsUnavailable() {
    var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
    var wrapped =
        new CommandExecutionException(
            "failed", new DataAccessResourceFailureException("insert", shutdown));

    assertThat(DatabaseFailures.unavailable(wrapped)).isTrue();
  }

  @Test
  void aLostConnectionDuringLoginIsUnavailable() {
    var lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");

    assertThat(
            DatabaseFailures.unavailable(
                new InternalAuthenticationServiceException("lookup", new RuntimeException(lost))))
        .isTrue();
  }

  @Test
  void aBugIsNotUnavailable() {
    assertThat(DatabaseFailures.unavailable(new IllegalStateException("bug"))).isFalse();
    assertThat(
            DatabaseFailures.unavailable(
                new DataIntegrityViolationException(
                    "dup", new SQLException("duplicate key", "23505"))))
        .isFalse();
  }
}
