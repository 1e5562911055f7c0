package org.unionhub.sdk.item;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;

/**
 * A kind of item that a union owns — a survey, a vote, an announcement — as data the platform
 * renders and enforces: who creates it, its own fields, whether its owner puts questions into it,
 * its window, audience, anonymity and results visibility. Every item also has a title and a
 * description, which the platform provides. Made with {@link #builder(String)}.
 *
 * @since 1.0
 */
public final class ItemKind {

  private final String name;
  private final LocalizedText label;
  private final Set<Role> createdBy;
  private final List<FormField> fields;
  private final Set<FieldType> questionTypes;
  private final int maxQuestions;
  private final boolean window;
  private final Set<Audience> audiences;
  private final Anonymity anonymity;
  private final Set<ResultsVisibility> resultsVisibilities;
  private final boolean pushable;

  private ItemKind(Builder b) {
    this.name = b.name;
    this.label = b.label;
    this.createdBy = Set.copyOf(b.createdBy);
    this.fields = List.copyOf(b.fields);
    this.questionTypes = Set.copyOf(b.questionTypes);
    this.maxQuestions = b.maxQuestions;
    this.window = b.window;
    this.audiences = Set.copyOf(b.audiences);
    this.anonymity = b.anonymity;
    this.resultsVisibilities = Set.copyOf(b.resultsVisibilities);
    this.pushable = b.pushable;
  }

  /**
   * Starts a kind: created by tenant admins, for the members of the union's subtree, named, no
   * questions, no window, results never shown to members, not pushable.
   *
   * @param name the kind's name, {@code [a-z][a-z0-9-]{1,39}}, unique in the module
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
      problems.add("item kind '" + name + "' must match [a-z][a-z0-9-]{1,39}");
    }
    if (label == null) {
      problems.add("item kind '" + name + "' has no label");
    }
    if (createdBy.isEmpty() || audiences.isEmpty() || resultsVisibilities.isEmpty()) {
      problems.add("item kind '" + name + "' needs creators, audiences and results visibilities");
    }
    var names = new java.util.HashSet<>(List.of("title", "description"));
    for (FormField f : fields) {
      problems.addAll(f.problems());
      if (!names.add(f.name())) {
        problems.add("item kind '" + name + "' declares field '" + f.name() + "' twice");
      }
    }
    if (!questionTypes.isEmpty() && maxQuestions < 1) {
      problems.add("item kind '" + name + "' allows questions but at most " + maxQuestions);
    }
    return List.copyOf(problems);
  }

  /**
   * @return the kind's name, unique in its module
   * @since 1.0
   */
  public String name() {
    return name;
  }

  /**
   * @return its display name
   * @since 1.0
   */
  public LocalizedText label() {
    return label;
  }

  /**
   * @return the roles that create, edit, publish and close items of the kind in their union
   * @since 1.0
   */
  public Set<Role> createdBy() {
    return createdBy;
  }

  /**
   * @return the kind's own fields besides title and description
   * @since 1.0
   */
  public List<FormField> fields() {
    return fields;
  }

  /**
   * @return the field types an owner may use for questions; empty when items carry no questions
   * @since 1.0
   */
  public Set<FieldType> questionTypes() {
    return questionTypes;
  }

  /**
   * @return how many questions an item may carry
   * @since 1.0
   */
  public int maxQuestions() {
    return maxQuestions;
  }

  /**
   * @return whether items have open and close times (China Standard Time in the UI)
   * @since 1.0
   */
  public boolean window() {
    return window;
  }

  /**
   * @return the audiences an owner may choose from
   * @since 1.0
   */
  public Set<Audience> audiences() {
    return audiences;
  }

  /**
   * @return whether actions on such items are stored without the actor
   * @since 1.0
   */
  public Anonymity anonymity() {
    return anonymity;
  }

  /**
   * @return the results visibilities an owner may choose from
   * @since 1.0
   */
  public Set<ResultsVisibility> resultsVisibilities() {
    return resultsVisibilities;
  }

  /**
   * @return whether a union may run one item in every union below it (each gets a copy that points
   *     to the original, so results can be compared per union)
   * @since 1.0
   */
  public boolean pushable() {
    return pushable;
  }

  /**
   * Builds an {@link ItemKind}.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final String name;
    private LocalizedText label;
    private Set<Role> createdBy = EnumSet.of(Role.TENANT_ADMIN);
    private List<FormField> fields = List.of();
    private Set<FieldType> questionTypes = Set.of();
    private int maxQuestions;
    private boolean window;
    private Set<Audience> audiences = EnumSet.of(Audience.SUBTREE_MEMBERS);
    private Anonymity anonymity = Anonymity.NEVER;
    private Set<ResultsVisibility> resultsVisibilities = EnumSet.of(ResultsVisibility.NEVER);
    private boolean pushable;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * @param text the display name
     * @return this builder
     * @since 1.0
     */
    public Builder label(LocalizedText text) {
      this.label = text;
      return this;
    }

    /**
     * @param roles who creates, edits, publishes and closes items (default tenant admins)
     * @return this builder
     * @since 1.0
     */
    public Builder createdBy(Role... roles) {
      this.createdBy = Set.copyOf(java.util.Arrays.asList(roles));
      return this;
    }

    /**
     * @param declared the kind's own fields besides title and description
     * @return this builder
     * @since 1.0
     */
    public Builder fields(List<FormField> declared) {
      this.fields = List.copyOf(declared);
      return this;
    }

    /**
     * Items carry questions their owner writes.
     *
     * @param max how many at most
     * @param types the field types allowed for them
     * @return this builder
     * @since 1.0
     */
    public Builder questions(int max, Set<FieldType> types) {
      this.maxQuestions = max;
      this.questionTypes = Set.copyOf(types);
      return this;
    }

    /**
     * Items have open and close times.
     *
     * @return this builder
     * @since 1.0
     */
    public Builder window() {
      this.window = true;
      return this;
    }

    /**
     * @param allowed the audiences an owner may choose from
     * @return this builder
     * @since 1.0
     */
    public Builder audiences(Audience... allowed) {
      this.audiences = Set.copyOf(java.util.Arrays.asList(allowed));
      return this;
    }

    /**
     * @param value whether actions are stored without the actor
     * @return this builder
     * @since 1.0
     */
    public Builder anonymity(Anonymity value) {
      this.anonymity = value;
      return this;
    }

    /**
     * @param allowed the results visibilities an owner may choose from
     * @return this builder
     * @since 1.0
     */
    public Builder resultsVisibility(ResultsVisibility... allowed) {
      this.resultsVisibilities = Set.copyOf(java.util.Arrays.asList(allowed));
      return this;
    }

    /**
     * A union may run one item in every union below it.
     *
     * @return this builder
     * @since 1.0
     */
    public Builder pushable() {
      this.pushable = true;
      return this;
    }

    /**
     * @return the kind (checked with the module's descriptor at boot)
     * @since 1.0
     */
    public ItemKind build() {
      return new ItemKind(this);
    }
  }
}
