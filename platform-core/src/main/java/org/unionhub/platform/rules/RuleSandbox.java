package org.unionhub.platform.rules;

import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.rules.Actions;

/**
 * Decides whether a rule layer written by a tenant may run, and composes accepted layers into
 * compilable DRL. Tenant DRL is untrusted code and the JDK has no SecurityManager any more, so
 * safety comes from what is accepted: the layer is parsed with Drools' own parser and only a short
 * list of constructs passes — patterns on the module's fact types, conditions on their fields, and
 * consequences that call the action API. See docs/adr/0006-untrusted-drl.md.
 *
 * <p>A layer is a list of {@code rule} blocks, nothing else: no package line, no imports (except,
 * redundantly, of the module's fact types), globals, functions, declarations or queries. The
 * platform supplies package, imports and the {@code actions} global in {@link #compose}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class RuleSandbox {

  /** Largest layer accepted, in UTF-8 bytes. */
  public static final int MAX_LAYER_BYTES = 64 * 1024;

  /** Most rules one layer may hold. */
  public static final int MAX_RULES = 100;

  private static final Pattern PACKAGE_NAME =
      Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private final Map<String, FactType> facts;
  private final Set<String> factNames;
  private final Class<?> actionApi;
  private final Map<String, Set<Integer>> actionArities;

  /**
   * A sandbox for the rules of one module.
   *
   * @param factTypes the classes rules may match and read through their getters
   * @param actionApi the interface bound as the global {@code actions}; consequences may call its
   *     methods and nothing else
   * @throws IllegalArgumentException when a fact type is a JDK class, not public, has no canonical
   *     name, or shares its simple name with another; or when the action API is no interface
   */
  public RuleSandbox(Collection<Class<?>> factTypes, Class<?> actionApi) {
    if (!actionApi.isInterface()) {
      throw new IllegalArgumentException("the action API must be an interface: " + actionApi);
    }
    var byName = new TreeMap<String, FactType>();
    var names = new TreeSet<String>();
    for (Class<?> type : factTypes) {
      String canonical = type.getCanonicalName();
      if (canonical == null
          || !Modifier.isPublic(type.getModifiers())
          || canonical.startsWith("java.")
          || canonical.startsWith("javax.")) {
        throw new IllegalArgumentException(
            "a fact type must be a public, named class outside the JDK: " + type);
      }
      if (byName.put(type.getSimpleName(), FactType.readable(type)) != null) {
        throw new IllegalArgumentException(
            "two fact types are called "
                + type.getSimpleName()
                + "; rules could not tell them apart");
      }
      names.add(canonical);
    }
    // Sorted, so that messages listing the fact types read the same every time.
    this.facts = Collections.unmodifiableSortedMap(byName);
    this.factNames = Collections.unmodifiableSortedSet(names);
    this.actionApi = actionApi;
    var arities = new TreeMap<String, Set<Integer>>();
    for (var method : actionApi.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers())) {
        arities
            .computeIfAbsent(method.getName(), n -> new TreeSet<>())
            .add(method.getParameterCount());
      }
    }
    this.actionArities = Map.copyOf(arities);
  }

  /**
   * The sandbox for a module: its declared fact types and the SDK's {@link Actions}.
   *
   * @param module the module
   * @return the sandbox
   */
  public static RuleSandbox forModule(ModuleDescriptor module) {
    var types = new java.util.ArrayList<Class<?>>(module.factTypes());
    if (!types.contains(org.unionhub.sdk.rules.WorkflowStep.class)) {
      types.add(org.unionhub.sdk.rules.WorkflowStep.class);
    }
    return new RuleSandbox(types, Actions.class);
  }

  /**
   * The rules of a DRL text that match a fact type, looking into {@code not}, {@code exists},
   * {@code and} and {@code or}.
   *
   * @param drl DRL text
   * @param simpleName the fact type's simple name
   * @return the names of the rules matching it; empty when the text does not parse
   */
  public static Set<String> rulesMatching(String drl, String simpleName) {
    if (drl == null || drl.isBlank()) {
      return Set.of();
    }
    var parser = new DrlParser();
    try {
      PackageDescr pkg = parser.parse(false, drl);
      if (pkg == null || parser.hasErrors()) {
        return Set.of();
      }
      var names = new TreeSet<String>();
      for (var rule : pkg.getRules()) {
        if (matches(rule.getLhs(), simpleName)) {
          names.add(rule.getName());
        }
      }
      return names;
    } catch (DroolsParserException | StackOverflowError e) {
      return Set.of();
    }
  }

  private static boolean matches(Object descr, String simpleName) {
    if (descr instanceof org.drools.drl.ast.descr.PatternDescr pattern) {
      String type = pattern.getObjectType();
      if (type != null && (type.equals(simpleName) || type.endsWith("." + simpleName))) {
        return true;
      }
      return pattern.getSource() != null && matches(pattern.getSource(), simpleName);
    }
    if (descr instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
      for (Object child : ce.getDescrs()) {
        if (matches(child, simpleName)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What rules in this sandbox may read: for each fact type (by simple name, as patterns name it),
   * its readable properties and the types their getters return. Tools that write rules for tenants,
   * such as decision tables, offer these and nothing else.
   *
   * @return fact type name to property name to type, sorted by name
   */
  public Map<String, Map<String, Class<?>>> readableProperties() {
    var result = new TreeMap<String, Map<String, Class<?>>>();
    facts.forEach((name, type) -> result.put(name, type.propertyTypes()));
    return Collections.unmodifiableSortedMap(result);
  }

  /**
   * @return the interface bound as the global {@code actions}
   */
  public Class<?> actionApi() {
    return actionApi;
  }

  /**
   * Checks a tenant's layer.
   *
   * @param layer the DRL the tenant wrote
   * @return every problem found, ordered by position; empty when the layer may run. A layer that
   *     does not parse reports its syntax errors only; one that is too large, only its size.
   */
  public List<RuleProblem> validate(String layer) {
    Objects.requireNonNull(layer, "layer");
    int bytes = layer.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_LAYER_BYTES) {
      return List.of(
          new RuleProblem(
              0,
              0,
              "the layer is " + bytes + " bytes; at most " + MAX_LAYER_BYTES + " are accepted"));
    }
    var text = new DrlText(layer);
    var problems = new ArrayList<RuleProblem>();
    for (int offset : text.unicodeEscapes()) {
      problems.add(
          text.problemAt(
              offset, "unicode escapes (\\u...) are not allowed; write the character itself"));
    }
    var parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(false, layer);
    } catch (DroolsParserException e) {
      problems.add(new RuleProblem(0, 0, "the layer does not parse: " + e.getMessage()));
      return sorted(problems);
    } catch (StackOverflowError tooDeep) {
      // Drools' parser recurses once per nesting level; the JVM's stack is the only limit it has.
      problems.add(new RuleProblem(0, 0, "the layer is nested too deeply to be checked"));
      return sorted(problems);
    }
    if (parser.hasErrors() || pkg == null) {
      for (DroolsError error : parser.getErrors()) {
        problems.add(syntaxProblem(error));
      }
      if (pkg == null && problems.isEmpty()) {
        problems.add(new RuleProblem(0, 0, "the layer does not parse"));
      }
      return sorted(problems);
    }
    problems.addAll(new LayerCheck(text, facts, factNames, actionArities, MAX_RULES).check(pkg));
    return sorted(problems);
  }

  /**
   * Turns an accepted layer into a DRL source the {@link RuleEngine} compiles: the package, an
   * import of every fact type and the {@code actions} global on one line, then the layer. Line
   * {@code n} of the layer is line {@code n + 1} of the result.
   *
   * @param packageName the package the platform puts the layer in
   * @param layer the tenant's DRL
   * @return the composed source
   * @throws RuleCompilationException with every problem when the layer is refused
   * @throws IllegalArgumentException when the package name is not a lower-case Java package name
   */
  public String compose(String packageName, String layer) {
    if (packageName == null || !PACKAGE_NAME.matcher(packageName).matches()) {
      throw new IllegalArgumentException("not a package name: " + packageName);
    }
    List<RuleProblem> problems = validate(layer);
    if (!problems.isEmpty()) {
      throw new RuleCompilationException(problems);
    }
    var header = new StringBuilder("package ").append(packageName).append(";");
    factNames.forEach(name -> header.append(" import ").append(name).append(";"));
    header.append(" global ").append(actionApi.getCanonicalName()).append(" actions;\n");
    return header + layer;
  }

  /**
   * The names of the rules in a DRL text, in order. The text need not be a valid layer; names are
   * read from whatever parses.
   *
   * @param drl DRL text, a tenant layer or a module's default rules
   * @return the rule names; empty when the text does not parse
   */
  public static List<String> ruleNames(String drl) {
    if (drl == null || drl.isBlank()) {
      return List.of();
    }
    var parser = new DrlParser();
    try {
      PackageDescr pkg = parser.parse(false, drl);
      if (pkg == null || parser.hasErrors()) {
        return List.of();
      }
      return pkg.getRules().stream().map(r -> r.getName()).toList();
    } catch (DroolsParserException | StackOverflowError e) {
      return List.of();
    }
  }

  /**
   * The package a default rule text declares.
   *
   * @param drl DRL text
   * @return the package name, or the empty string when it declares none or does not parse
   */
  public static String packageOf(String drl) {
    var parser = new DrlParser();
    try {
      PackageDescr pkg = parser.parse(false, drl);
      return pkg == null || pkg.getName() == null ? "" : pkg.getName();
    } catch (DroolsParserException | StackOverflowError e) {
      return "";
    }
  }

  private static RuleProblem syntaxProblem(DroolsError error) {
    if (error instanceof ParserError parserError && parserError.getRow() > 0) {
      return new RuleProblem(parserError.getRow(), parserError.getCol() + 1, error.getMessage());
    }
    int[] lines = error.getLines();
    return new RuleProblem(
        lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0, 0, error.getMessage());
  }

  private static List<RuleProblem> sorted(List<RuleProblem> problems) {
    return problems.stream()
        .sorted(Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column))
        .toList();
  }
}
