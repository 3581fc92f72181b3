package org.mailledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Which failures the command gateway runs again: lost races only, never a rule's answer. */
class LockConflictsTest {

  @Test
  void aLostAppendRaceIsRunAgain() {
    assertThat(LockConflicts.isLockConflict(new ConcurrencyException("taken"))).isTrue();
    assertThat(LockConflicts.isLockConflict(new AggregateStreamCreationException("taken")))
        .isTrue();
    assertThat(
            LockConflicts.isLockConflict(
                new CommandExecutionException("wrapped", new ConcurrencyException("taken"))))
        .isTrue();
  }

  @Test
  void deadlocksAndSerializationFailuresAreRunAgain() {
    assertThat(LockConflicts.isLockConflict(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(LockConflicts.isLockConflict(new SQLException("serialization", "40001"))).isTrue();
  }

  @Test
  void aDuplicateClaimIsNotRunAgain() {
    assertThat(
            LockConflicts.isLockConflict(
                new DataIntegrityViolationException(
                    "duplicate", new SQLException("duplicate key", "23505"))))
        .isFalse();
  }
}
