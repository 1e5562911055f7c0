package org.unionhub.platform.rules.table;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.unionhub.platform.rules.RuleSandbox;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.rules.Actions;

/**
 * What the decision tables of one module may use: its fact types with the properties tables can
 * compare, and the methods of its action API tables can call. Properties are those the module's
 * {@link RuleSandbox} lets rules read, so a table can name nothing a hand-written rule could not.
 *
 * <p>Immutable and serializable (a page may keep it), so safe to share.
 */
public final class DecisionTableSchema implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * A property a condition column may compare.
   *
   * @param name the property, as rules read it
   * @param kind the kind of its values
   * @param nullable whether it can have no value (any type but a primitive)
   * @param choices the values it may take, or empty when any value of its kind is possible
   */
  public record Property(String name, ValueKind kind, boolean nullable, List<String> choices)
      implements Serializable {

    /** Copies the choices. */
    public Property {
      choices = List.copyOf(choices);
    }

    /**
     * The operators that fit the property: equality and lists for every kind; ordering for numbers
     * and dates; emptiness for properties that can have no value.
     *
     * @return the operators, in {@link Operator}'s order
     */
    public List<Operator> operators() {
      var fit = new ArrayList<Operator>();
      for (Operator operator : Operator.values()) {
        if (fits(operator)) {
          fit.add(operator);
        }
      }
      return List.copyOf(fit);
    }

    /**
     * @param operator an operator
     * @return whether a condition column may compare this property with it
     */
    public boolean fits(Operator operator) {
      if (operator.takesFlag()) {
        return nullable;
      }
      if (operator.orders()) {
        return choices.isEmpty()
            && (kind == ValueKind.INTEGER
                || kind == ValueKind.LONG
                || kind == ValueKind.DECIMAL
                || kind == ValueKind.DATE);
      }
      if (operator.takesList()) {
        return kind != ValueKind.BOOLEAN;
      }
      return true;
    }
  }

  /**
   * A parameter of an action.
   *
   * @param name its name in the action API
   * @param kind the kind of its values
   */
  public record Parameter(String name, ValueKind kind) implements Serializable {}

  /**
   * A method of the action API tables can call.
   *
   * @param name the method's name
   * @param parameters its parameters, in order
   */
  public record Action(String name, List<Parameter> parameters) implements Serializable {

    /** Copies the parameters. */
    public Action {
      parameters = List.copyOf(parameters);
    }
  }

  private final List<Class<?>> factClasses;
  private final Class<?> actionApi;
  private final Map<String, Map<String, Property>> properties;
  private final Map<String, Set<String>> unsupported;
  private final Map<String, Action> actions;
  private transient RuleSandbox sandbox;

  private DecisionTableSchema(
      Collection<Class<?>> factClasses, Class<?> actionApi, Map<String, List<String>> choices) {
    this.factClasses = List.copyOf(factClasses);
    this.actionApi = actionApi;
    this.sandbox = new RuleSandbox(this.factClasses, actionApi);
    var byFact = new TreeMap<String, Map<String, Property>>();
    var notComparable = new TreeMap<String, Set<String>>();
    sandbox
        .readableProperties()
        .forEach(
            (fact, types) -> {
              var comparable = new TreeMap<String, Property>();
              var other = new TreeSet<String>();
              types.forEach(
                  (property, type) ->
                      ValueKind.of(type)
                          .ifPresentOrElse(
                              kind ->
                                  comparable.put(
                                      property,
                                      new Property(
                                          property,
                                          kind,
                                          !type.isPrimitive(),
                                          kind == ValueKind.TEXT
                                              ? choices.getOrDefault(property, List.of())
                                              : List.of())),
                              () -> other.add(property)));
              byFact.put(fact, Collections.unmodifiableSortedMap(comparable));
              notComparable.put(fact, Collections.unmodifiableSortedSet(other));
            });
    this.properties = Collections.unmodifiableSortedMap(byFact);
    this.unsupported = Collections.unmodifiableSortedMap(notComparable);
    this.actions = Collections.unmodifiableSortedMap(actionsOf(actionApi));
  }

  /**
   * The schema of a module: its fact types, the SDK's action API, and as choices of a text property
   * the values of the module's choice field of the same name (the enrollment form's {@code gender}
   * field gives {@code Applicant.gender} its choices).
   *
   * @param module the module
   * @return the schema
   */
  public static DecisionTableSchema forModule(ModuleDescriptor module) {
    var choices = new TreeMap<String, List<String>>();
    for (FormField field : module.form()) {
      if (field.type() == FieldType.CHOICE && !field.choices().isEmpty()) {
        choices.put(field.name(), field.choices().stream().map(Choice::value).toList());
      }
    }
    return new DecisionTableSchema(module.factTypes(), Actions.class, choices);
  }

  /**
   * A schema for any fact types and action API.
   *
   * @param factTypes the fact classes, as for {@link RuleSandbox}
   * @param actionApi the interface bound as {@code actions}
   * @param choices for text properties by name, the values they may take
   * @return the schema
   * @throws IllegalArgumentException when the sandbox refuses the fact types or the action API
   */
  public static DecisionTableSchema of(
      Collection<Class<?>> factTypes, Class<?> actionApi, Map<String, List<String>> choices) {
    return new DecisionTableSchema(factTypes, actionApi, Map.copyOf(choices));
  }

  /**
   * @return the sandbox every rendered table must pass, for the same fact types and action API
   */
  public RuleSandbox sandbox() {
    if (sandbox == null) {
      sandbox = new RuleSandbox(factClasses, actionApi);
    }
    return sandbox;
  }

  /**
   * @return the fact types' simple names, sorted
   */
  public List<String> factTypes() {
    return List.copyOf(properties.keySet());
  }

  /**
   * @param factType a fact type's simple name
   * @return its comparable properties by name, sorted; empty for an unknown fact type
   */
  public Map<String, Property> properties(String factType) {
    return properties.getOrDefault(factType, Map.of());
  }

  /**
   * @param factType a fact type's simple name
   * @param name a property
   * @return the property, empty when the fact type has no such property tables can compare
   */
  public Optional<Property> property(String factType, String name) {
    return Optional.ofNullable(properties(factType).get(name));
  }

  /**
   * @param factType a fact type's simple name
   * @param name a property
   * @return whether rules can read the property although tables cannot compare its type
   */
  public boolean isReadableOnly(String factType, String name) {
    return unsupported.getOrDefault(factType, Set.of()).contains(name);
  }

  /**
   * @return the actions tables can call, by name
   */
  public List<Action> actions() {
    return List.copyOf(actions.values());
  }

  /**
   * @param name a method of the action API
   * @return the action, empty when tables cannot call it
   */
  public Optional<Action> action(String name) {
    return Optional.ofNullable(actions.get(name));
  }

  /**
   * The methods of the action API whose parameters are all of a {@link ValueKind} but a date (no
   * action takes one) and that are not overloaded: a cell could not say which overload it means.
   * Methods without parameters are left out too, as a blank cell means "not called".
   */
  private static TreeMap<String, Action> actionsOf(Class<?> actionApi) {
    var byName = new TreeMap<String, List<Method>>();
    for (Method method : actionApi.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers())) {
        byName.computeIfAbsent(method.getName(), n -> new ArrayList<>()).add(method);
      }
    }
    var result = new TreeMap<String, Action>();
    byName.forEach(
        (name, methods) -> {
          if (methods.size() != 1 || methods.get(0).getParameterCount() == 0) {
            return;
          }
          var parameters = new ArrayList<Parameter>();
          for (var parameter : methods.get(0).getParameters()) {
            var kind = ValueKind.of(parameter.getType());
            if (kind.isEmpty() || kind.get() == ValueKind.DATE) {
              return;
            }
            parameters.add(new Parameter(parameter.getName(), kind.get()));
          }
          result.put(name, new Action(name, parameters));
        });
    return result;
  }
}
