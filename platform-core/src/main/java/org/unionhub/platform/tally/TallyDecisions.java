package org.unionhub.platform.tally;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.action.MemberAction;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.tally.Tally;
import org.unionhub.sdk.tally.TallyCell;
import org.unionhub.sdk.tally.TallyEntry;

/**
 * The decisions about tallies, free of storage: the server applies the increments in the
 * transaction that stores an action (an {@code UPDATE … SET count = count + 1}), the test kit to a
 * map; both hide cells the same way.
 */
public final class TallyDecisions {

  /** The smallest cell shown for anonymous items when the module names no setting. */
  public static final int DEFAULT_MINIMUM_CELL = 5;

  private TallyDecisions() {}

  /**
   * The increments one stored action makes, tally by tally.
   *
   * @param module the module
   * @param action the stored action
   * @param form the fields of its payload
   * @return tally name to its entries, for every tally counting the action's type
   */
  public static Map<String, List<TallyEntry>> increments(
      ModuleDescriptor module, MemberAction action, List<FormField> form) {
    var result = new TreeMap<String, List<TallyEntry>>();
    for (Tally tally : module.tallies()) {
      if (tally.action().equals(action.type())) {
        result.put(tally.name(), List.copyOf(tally.tallier().entries(action, form)));
      }
    }
    return result;
  }

  /**
   * Adds entries to cells.
   *
   * @param cells the cells by key; changed in place
   * @param entries the entries
   */
  public static void apply(Map<String, TallyCell> cells, List<TallyEntry> entries) {
    for (TallyEntry e : entries) {
      TallyCell old = cells.get(e.key());
      long count = old == null ? 0 : old.count();
      BigDecimal sum = old == null ? BigDecimal.ZERO : old.sum();
      cells.put(
          e.key(), new TallyCell(e.key(), count + 1, e.value() == null ? sum : sum.add(e.value())));
    }
  }

  /**
   * The smallest cell shown for an anonymous item: the module setting the tally names, in the
   * owning union's effective settings, or {@value #DEFAULT_MINIMUM_CELL}.
   *
   * @param tally the tally
   * @param settings the owning union's effective settings of the module
   * @return k
   */
  public static int minimumCell(Tally tally, Map<String, String> settings) {
    String value =
        tally.minimumCellSetting() == null ? null : settings.get(tally.minimumCellSetting());
    try {
      return value == null ? DEFAULT_MINIMUM_CELL : Math.max(1, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return DEFAULT_MINIMUM_CELL;
    }
  }

  /**
   * What a reader sees of a tally: for an anonymous item, cells counting fewer than k are hidden —
   * per union too, when the server shows a breakdown — so that no small group's answers can be told
   * apart.
   *
   * @param cells the cells as counted
   * @param anonymous whether the item is anonymous
   * @param minimumCell k
   * @return the view
   */
  public static TallyView view(List<TallyCell> cells, boolean anonymous, int minimumCell) {
    var shown = new ArrayList<TallyCell>();
    var hidden = new ArrayList<String>();
    for (TallyCell c : cells.stream().sorted(Comparator.comparing(TallyCell::key)).toList()) {
      if (anonymous && c.count() < minimumCell) {
        hidden.add(c.key());
      } else {
        shown.add(c);
      }
    }
    return new TallyView(shown, hidden, anonymous ? minimumCell : 0);
  }

  /**
   * Whether someone may read an item's tally now.
   *
   * @param tally the tally
   * @param item the item
   * @param roles the reader's roles
   * @param officerOfOwner whether the reader works for the owning union or a union above it
   * @param inAudience whether the reader belongs to the item's audience
   * @param now the moment
   * @return whether they may
   */
  public static boolean mayRead(
      Tally tally,
      Item item,
      Set<Role> roles,
      boolean officerOfOwner,
      boolean inAudience,
      Instant now) {
    if (roles.contains(Role.PLATFORM_ADMIN)) {
      return true;
    }
    if (officerOfOwner && tally.readers().stream().anyMatch(roles::contains)) {
      return true;
    }
    return tally.members() && inAudience && item != null && item.resultsVisibleToMembers(now);
  }
}
