package org.unionhub.sdk.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Declares that a request entering a state admits its submitter as a member of the union handling
 * it, and which form fields name the person. The platform does the rest in the transaction of the
 * approving transition: it checks that nobody holds a membership under the same resident ID number
 * anywhere in the union tree, assigns a member number, writes the membership with its history and
 * grants the {@code member} role and the union's group.
 *
 * <pre>{@code
 * ModuleDescriptor.builder("enrollment")
 *     ...
 *     .admitsMembers(MemberAdmission.onEntering("approved")
 *         .name("name").idNumber("idNumber").mobile("mobile"))
 * }</pre>
 *
 * <p>Immutable: each method answers a changed copy. A module that never admits anyone leaves it
 * out.
 *
 * @since 1.0
 */
public final class MemberAdmission {

  private final String state;
  private final String nameField;
  private final String idNumberField;
  private final String mobileField;

  private MemberAdmission(String state, String name, String idNumber, String mobile) {
    this.state = state;
    this.nameField = name;
    this.idNumberField = idNumber;
    this.mobileField = mobile;
  }

  /**
   * Starts a declaration; the fields default to {@code name}, {@code idNumber} and {@code mobile}.
   *
   * @param state the workflow state that admits, usually the terminal {@code approved}
   * @return the declaration
   * @since 1.0
   */
  public static MemberAdmission onEntering(String state) {
    return new MemberAdmission(state, "name", "idNumber", "mobile");
  }

  /**
   * @param field the form field holding the person's name
   * @return a changed copy
   * @since 1.0
   */
  public MemberAdmission name(String field) {
    return new MemberAdmission(state, field, idNumberField, mobileField);
  }

  /**
   * @param field the form field ({@code ID_NUMBER}) holding the resident ID number that makes a
   *     person unique across the tree
   * @return a changed copy
   * @since 1.0
   */
  public MemberAdmission idNumber(String field) {
    return new MemberAdmission(state, nameField, field, mobileField);
  }

  /**
   * @param field the form field ({@code MOBILE}) holding the mobile number, or null for none
   * @return a changed copy
   * @since 1.0
   */
  public MemberAdmission mobile(String field) {
    return new MemberAdmission(state, nameField, idNumberField, field);
  }

  /**
   * @return the state whose entry admits
   * @since 1.0
   */
  public String state() {
    return state;
  }

  /**
   * @return the name field
   * @since 1.0
   */
  public String nameField() {
    return nameField;
  }

  /**
   * @return the ID number field
   * @since 1.0
   */
  public String idNumberField() {
    return idNumberField;
  }

  /**
   * @return the mobile field, or null
   * @since 1.0
   */
  public String mobileField() {
    return mobileField;
  }

  /**
   * @param states the workflow's state names
   * @param fields the form's field names
   * @return what is wrong, empty when nothing
   * @since 1.0
   */
  public List<String> problems(List<String> states, List<String> fields) {
    var problems = new ArrayList<String>();
    if (!states.contains(state)) {
      problems.add("member admission names unknown state '" + state + "'");
    }
    for (String f : new String[] {nameField, idNumberField}) {
      if (f == null || !fields.contains(f)) {
        problems.add("member admission names unknown form field '" + f + "'");
      }
    }
    if (mobileField != null && !fields.contains(mobileField)) {
      problems.add("member admission names unknown form field '" + mobileField + "'");
    }
    return problems;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberAdmission m
        && Objects.equals(state, m.state)
        && Objects.equals(nameField, m.nameField)
        && Objects.equals(idNumberField, m.idNumberField)
        && Objects.equals(mobileField, m.mobileField);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, nameField, idNumberField, mobileField);
  }

  @Override
  public String toString() {
    return "MemberAdmission[on entering " + state + "]";
  }
}
