package org.unionhub.sdk.tally;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.unionhub.sdk.Role;

/**
 * A read model: per item or request, cells of counts and sums that the platform keeps current as
 * actions of one type arrive, in the transaction that stores each action (so a count never
 * disagrees with the actions stored). Readers: the given roles in the owning union and above it;
 * members when the item's results visibility allows it. For anonymous items, cells counting fewer
 * than the tenant's minimum (the setting named by {@link #minimumCellSetting()}, default 5) are
 * hidden wherever results are shown, per-union breakdowns included. Made with {@link
 * #builder(String)}.
 *
 * @since 1.0
 */
public final class Tally {

  private final String name;
  private final String action;
  private final Tallier tallier;
  private final Set<Role> readers;
  private final boolean members;
  private final String minimumCellSetting;

  private Tally(Builder b) {
    this.name = b.name;
    this.action = b.action;
    this.tallier = b.tallier;
    this.readers = Set.copyOf(b.readers);
    this.members = b.members;
    this.minimumCellSetting = b.minimumCellSetting;
  }

  /**
   * Starts a tally read by staff and tenant admins, counting field by field.
   *
   * @param name the tally's name, {@code [a-z][a-z0-9-]{1,39}}, unique in the module
   * @return a builder
   * @since 1.0
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * @return what is wrong with the declaration, in English; empty when nothing
   * @since 1.0
   */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (name == null || !name.matches("[a-z][a-z0-9-]{1,39}")) {
      problems.add("tally '" + name + "' must match [a-z][a-z0-9-]{1,39}");
    }
    if (action == null || tallier == null) {
      problems.add("tally '" + name + "' needs the action it counts and a tallier");
    }
    return List.copyOf(problems);
  }

  /**
   * @return the tally's name
   * @since 1.0
   */
  public String name() {
    return name;
  }

  /**
   * @return the action type it counts
   * @since 1.0
   */
  public String action() {
    return action;
  }

  /**
   * @return how an action becomes increments
   * @since 1.0
   */
  public Tallier tallier() {
    return tallier;
  }

  /**
   * @return the roles that read it in the owning union and its ancestors
   * @since 1.0
   */
  public Set<Role> readers() {
    return readers;
  }

  /**
   * @return whether members read it when the item's results visibility allows
   * @since 1.0
   */
  public boolean members() {
    return members;
  }

  /**
   * @return the module setting holding the smallest cell shown for anonymous items, or null for the
   *     platform's default of 5
   * @since 1.0
   */
  public String minimumCellSetting() {
    return minimumCellSetting;
  }

  /**
   * Builds a {@link Tally}.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final String name;
    private String action;
    private Tallier tallier = Tallier.PER_FIELD;
    private Set<Role> readers = EnumSet.of(Role.STAFF, Role.TENANT_ADMIN);
    private boolean members;
    private String minimumCellSetting;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * @param actionType the action type it counts
     * @return this builder
     * @since 1.0
     */
    public Builder of(String actionType) {
      this.action = actionType;
      return this;
    }

    /**
     * @param value how an action becomes increments (default {@link Tallier#PER_FIELD})
     * @return this builder
     * @since 1.0
     */
    public Builder tallier(Tallier value) {
      this.tallier = value;
      return this;
    }

    /**
     * @param roles who reads it (default staff and tenant admins)
     * @return this builder
     * @since 1.0
     */
    public Builder readers(Role... roles) {
      this.readers = Set.copyOf(java.util.Arrays.asList(roles));
      return this;
    }

    /**
     * Members read it when the item's results visibility allows.
     *
     * @return this builder
     * @since 1.0
     */
    public Builder visibleToMembers() {
      this.members = true;
      return this;
    }

    /**
     * @param settingKey a module setting (an integer) holding the smallest cell shown for anonymous
     *     items
     * @return this builder
     * @since 1.0
     */
    public Builder minimumCell(String settingKey) {
      this.minimumCellSetting = settingKey;
      return this;
    }

    /**
     * @return the tally (checked with the module's descriptor at boot)
     * @since 1.0
     */
    public Tally build() {
      return new Tally(this);
    }
  }
}
