package org.mailledger.projection.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.support.RowId;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;

class FoldsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyLayoutHasAFoldIntoItsOwnTables() {
    for (String layout : Layouts.NAMES) {
      Folds folds = Layouts.describe(layout, Layouts.DEFAULT_SETTINGS).folds();
      assertThat(folds.tables().layout()).isEqualTo(layout);
      Fold fold = folds.fold();
      assertThat(fold).isNotSameAs(folds.fold());
      assertThat(fold.layoutRows().layout()).isEqualTo(folds.tables());
      assertThat(fold.layoutRows().tables().keySet())
          .containsExactlyElementsOf(folds.tables().compared());
    }
  }

  @Test
  void anUnknownLayoutHasNoFold() {
    assertThatThrownBy(() -> Layouts.describe("vimbadmin", Layouts.DEFAULT_SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no layout vimbadmin; the layouts are mum");
  }

  /**
   * mum derives an alias domain's active flag from its target's on every call, on a copy: asking
   * for the rows never changes what later events fold into.
   */
  @Test
  void layoutRowsDeriveOnACopyOfTheFoldedRows() throws Exception {
    Fold fold = Layouts.describe("mum", Layouts.DEFAULT_SETTINGS).folds().fold();
    fold.apply(event(1, new DomainCreatedEvent("d", "example.org", "", 0, 0, 0, 0)));
    fold.apply(event(2, new AliasDomainCreatedEvent("b", "alias.example", "example.org")));
    Map<String, Object> before = fold.layoutRows().table("domains").get(RowId.of("b"));
    assertThat(before).containsEntry("active", true);

    fold.apply(event(3, new DomainDeactivatedEvent("d", "example.org")));

    assertThat(fold.layoutRows().table("domains").get(RowId.of("b")))
        .containsEntry("active", false)
        .containsEntry("alias_active", true);
    assertThat(before).containsEntry("active", true);
    assertThat(fold.events()).isEqualTo(3);
    assertThat(fold.position()).isEqualTo(3);
    assertThat(fold.warnings()).isEmpty();
  }

  @Test
  void anIncludeThatRefusesAnEventLeavesItOutButCountsIt() throws Exception {
    Fold fold =
        Layouts.describe("postfixadmin", Layouts.DEFAULT_SETTINGS)
            .folds()
            .fold((position, event) -> position != 2);
    fold.apply(event(1, new DomainCreatedEvent("d", "example.org", "", 0, 0, 0, 0)));
    fold.apply(event(2, new DomainDeactivatedEvent("d", "example.org")));

    assertThat(fold.layoutRows().table("domain").get("example.org")).containsEntry("active", true);
    assertThat(fold.events()).isEqualTo(2);
  }

  private static StoredEvent event(long position, Object payload) throws Exception {
    return new StoredEvent(
        position,
        "2026-11-20T10:00:0" + position + ".000Z",
        payload.getClass().getName(),
        "aggregate",
        0,
        JSON.writeValueAsBytes(payload),
        new byte[0]);
  }
}
