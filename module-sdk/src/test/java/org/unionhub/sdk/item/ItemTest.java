package org.unionhub.sdk.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemTest {

  private static final Instant OPENS = Instant.parse("2026-10-08T01:00:00Z");
  private static final Instant CLOSES = Instant.parse("2026-10-15T01:00:00Z");

  private static Item item(ItemState state, Instant opens, Instant closes, ResultsVisibility v) {
    return new Item(
        "i1",
        "survey",
        "survey",
        "gd-sz",
        "t",
        null,
        Map.of(),
        List.of(),
        opens,
        closes,
        Audience.SUBTREE_MEMBERS,
        false,
        v,
        state,
        null,
        "admin",
        0);
  }

  @Test
  void aPublishedItemIsScheduledOpenOrClosedByItsWindow() {
    var item = item(ItemState.PUBLISHED, OPENS, CLOSES, ResultsVisibility.NEVER);
    assertThat(item.phase(OPENS.minusSeconds(1))).isEqualTo(Phase.SCHEDULED);
    assertThat(item.phase(OPENS)).isEqualTo(Phase.OPEN);
    assertThat(item.phase(CLOSES.minusSeconds(1))).isEqualTo(Phase.OPEN);
    assertThat(item.phase(CLOSES)).isEqualTo(Phase.CLOSED);
  }

  @Test
  void withoutAWindowAPublishedItemIsOpenUntilClosed() {
    var item = item(ItemState.PUBLISHED, null, null, ResultsVisibility.NEVER);
    assertThat(item.phase(Instant.EPOCH)).isEqualTo(Phase.OPEN);
    assertThat(item(ItemState.CLOSED, null, null, ResultsVisibility.NEVER).phase(Instant.EPOCH))
        .isEqualTo(Phase.CLOSED);
    assertThat(item(ItemState.DRAFT, OPENS, CLOSES, ResultsVisibility.LIVE).phase(OPENS))
        .isEqualTo(Phase.DRAFT);
  }

  @Test
  void membersSeeResultsLiveOrAfterCloseAsTheItemSays() {
    var live = item(ItemState.PUBLISHED, OPENS, CLOSES, ResultsVisibility.LIVE);
    var after = item(ItemState.PUBLISHED, OPENS, CLOSES, ResultsVisibility.AFTER_CLOSE);
    var never = item(ItemState.CLOSED, OPENS, CLOSES, ResultsVisibility.NEVER);
    assertThat(live.resultsVisibleToMembers(OPENS)).isTrue();
    assertThat(after.resultsVisibleToMembers(OPENS)).isFalse();
    assertThat(after.resultsVisibleToMembers(CLOSES)).isTrue();
    assertThat(never.resultsVisibleToMembers(CLOSES)).isFalse();
    assertThat(
            item(ItemState.DRAFT, null, null, ResultsVisibility.LIVE)
                .resultsVisibleToMembers(OPENS))
        .isFalse();
  }
}
