package org.unionhub.platform.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * One check of one parsed layer: walks Drools' descriptors and accepts only the kinds on its lists,
 * collecting a problem for everything else. Descriptor classes are compared exactly, not with
 * {@code instanceof}, so that a subclass Drools adds later (as {@code GroupByDescr} extends {@code
 * AccumulateDescr}) is refused until someone looks at it.
 */
final class LayerCheck {

  private static final List<String> ACCUMULATE_FUNCTIONS =
      List.of("count", "sum", "min", "max", "average");

  private static final int MAX_NAME_LENGTH = 100;
  private static final String NAME_PUNCTUATION = ".-_:#()（）、，·";

  /** Attributes whose value is a name or a date, never code. */
  private static final Set<String> FREE_TEXT_ATTRIBUTES =
      Set.of("activation-group", "date-effective", "date-expires");

  private static final String ALLOWED_ATTRIBUTES =
      "salience, no-loop, lock-on-active, activation-group, enabled, date-effective, date-expires";

  private final DrlText text;
  private final Map<String, FactType> facts;
  private final Set<String> allowedImports;
  private final Map<String, Set<Integer>> actionArities;
  private final int maxRules;
  private final List<RuleProblem> problems = new ArrayList<>();
  private Map<String, Binding> bindings = new LinkedHashMap<>();
  private List<AttributeDescr> packageAttributes = List.of();

  LayerCheck(
      DrlText text,
      Map<String, FactType> facts,
      Set<String> allowedImports,
      Map<String, Set<Integer>> actionArities,
      int maxRules) {
    this.text = text;
    this.facts = facts;
    this.allowedImports = allowedImports;
    this.actionArities = actionArities;
    this.maxRules = maxRules;
  }

  List<RuleProblem> check(PackageDescr pkg) {
    if (pkg.getName() != null && !pkg.getName().isEmpty()) {
      refuse(
          pkg,
          "a tenant layer has no package line; the platform puts every layer in the package it"
              + " composes");
    }
    if (pkg.getUnit() != null) {
      refuse(pkg.getUnit(), "rule units are not allowed");
    }
    for (ImportDescr imported : pkg.getImports()) {
      if (imported.getClass() != ImportDescr.class
          || !allowedImports.contains(imported.getTarget())) {
        refuse(
            imported,
            "importing "
                + imported.getTarget()
                + " is not allowed; the platform imports the module's facts ("
                + String.join(", ", facts.keySet())
                + ") itself");
      }
    }
    pkg.getFunctionImports().forEach(f -> refuse(f, "importing functions is not allowed"));
    pkg.getAccumulateImports()
        .forEach(a -> refuse(a, "importing accumulate functions is not allowed"));
    pkg.getGlobals()
        .forEach(
            g ->
                refuse(
                    g,
                    "declaring globals is not allowed; rules reach the platform through the"
                        + " global actions only"));
    pkg.getFunctions().forEach(f -> refuse(f, "declaring functions is not allowed"));
    pkg.getTypeDeclarations().forEach(t -> refuse(t, "declaring types is not allowed"));
    pkg.getEnumDeclarations().forEach(e -> refuse(e, "declaring enums is not allowed"));
    pkg.getEntryPointDeclarations()
        .forEach(e -> refuse(e, "declaring entry points is not allowed"));
    pkg.getWindowDeclarations().forEach(w -> refuse(w, "declaring windows is not allowed"));
    // Drools copies package attributes into every rule; they are reported once, here.
    packageAttributes = pkg.getAttributes();
    pkg.getAttributes()
        .forEach(
            a ->
                refuse(
                    a,
                    "package-wide attributes such as "
                        + a.getName()
                        + " are not allowed; give attributes to each rule"));
    List<RuleDescr> rules = pkg.getRules();
    for (int i = 0; i < rules.size(); i++) {
      if (i == maxRules) {
        refuse(
            rules.get(i),
            "a layer holds at most " + maxRules + " rules; this is rule " + (maxRules + 1));
      }
      checkRule(rules.get(i));
    }
    return problems;
  }

  private void checkRule(RuleDescr rule) {
    bindings = new LinkedHashMap<>();
    if (rule.isQuery()) {
      refuse(rule, "queries are not allowed");
      return;
    }
    if (!isPlainName(rule.getName())) {
      refuse(
          rule,
          "a rule name has 1 to "
              + MAX_NAME_LENGTH
              + " letters, digits, spaces and "
              + NAME_PUNCTUATION
              + " only");
    }
    if (rule.getParentName() != null) {
      refuse(rule, "rule inheritance (extends) is not allowed");
    }
    if (rule.getUnit() != null) {
      refuse(rule, "rule units are not allowed");
    }
    refuseAnnotations(rule);
    rule.getAttributes().values().stream()
        .filter(attribute -> !packageAttributes.contains(attribute))
        .forEach(this::checkAttribute);
    if (rule.hasErrors()) {
      rule.getErrors().forEach(error -> refuse(rule, error));
    }
    if (rule.getLhs() != null) {
      checkCondition(rule.getLhs());
    }
    if (!rule.getNamedConsequences().isEmpty()) {
      refuse(rule, "named consequences (then[name]) are not allowed");
    }
    String consequence = Objects.toString(rule.getConsequence(), "");
    if (!consequence.isBlank()) {
      int thenAt = text.offset(rule.getConsequenceLine(), rule.getConsequencePattern());
      int start = -1;
      if (thenAt >= 0 && text.text().startsWith("then", thenAt)) {
        // Drools hands over the text after "then" without its leading white space.
        start = thenAt + "then".length();
        while (start < text.text().length() && Character.isWhitespace(text.text().charAt(start))) {
          start++;
        }
      }
      Span span =
          Span.of(
              text, consequence, start, rule.getConsequenceLine(), rule.getConsequencePattern());
      new ConsequenceChecker(actionArities, bindings, consequence, span, problems).check();
    }
  }

  private void checkAttribute(AttributeDescr attribute) {
    String value = Objects.toString(attribute.getValue(), "").strip();
    switch (attribute.getName()) {
      case "salience" -> {
        try {
          Integer.parseInt(value);
        } catch (NumberFormatException notAWholeNumber) {
          // An expression here is code Drools runs; a number is all a priority needs.
          refuse(attribute, "salience must be a whole number, not '" + value + "'");
        }
      }
      case "no-loop", "lock-on-active", "enabled" -> {
        if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
          refuse(attribute, attribute.getName() + " must be true or false, not '" + value + "'");
        }
      }
      default -> {
        if (FREE_TEXT_ATTRIBUTES.contains(attribute.getName())) {
          if (!isPlainName(value)) {
            refuse(
                attribute,
                attribute.getName()
                    + " takes letters, digits, spaces and "
                    + NAME_PUNCTUATION
                    + " only");
          }
        } else {
          refuse(
              attribute,
              "the attribute "
                  + attribute.getName()
                  + " is not allowed; tenant rules may use "
                  + ALLOWED_ATTRIBUTES);
        }
      }
    }
  }

  private void checkCondition(BaseDescr condition) {
    Class<?> kind = condition.getClass();
    if (condition instanceof AnnotatedBaseDescr annotated) {
      refuseAnnotations(annotated);
    }
    if (kind == AndDescr.class
        || kind == OrDescr.class
        || kind == NotDescr.class
        || kind == ExistsDescr.class
        || kind == ForallDescr.class) {
      ((ConditionalElementDescr) condition).getDescrs().forEach(this::checkCondition);
    } else if (kind == PatternDescr.class) {
      checkPattern((PatternDescr) condition);
    } else if (kind == EvalDescr.class) {
      refuse(condition, "eval is not allowed; write the condition on the fact's fields");
    } else if (kind == ConditionalBranchDescr.class || kind == NamedConsequenceDescr.class) {
      refuse(
          condition,
          "conditional and named consequences (if, do[...], break[...]) are not allowed");
    } else {
      refuse(condition, kindName(condition) + " is not allowed in conditions");
    }
  }

  private void checkPattern(PatternDescr pattern) {
    PatternSourceDescr source = pattern.getSource();
    FactType type;
    if (source == null) {
      type = factType(pattern);
    } else if (source.getClass() == AccumulateDescr.class) {
      checkAccumulate((AccumulateDescr) source, pattern);
      type = accumulateResult(pattern);
    } else {
      refuseSource(source, pattern);
      type = null;
    }
    if (pattern.isQuery()) {
      refuse(pattern, "calling queries is not allowed");
    }
    if (!pattern.getBehaviors().isEmpty()) {
      refuse(pattern, "sliding windows are not allowed");
    }
    if (pattern.isUnification()) {
      refuse(pattern, "unification (:=) is not allowed");
    }
    if (type != null) {
      for (BaseDescr constraint : pattern.getDescrs()) {
        checkConstraint(constraint, type, pattern);
      }
    }
    String identifier = pattern.getIdentifier();
    if (identifier != null) {
      if (!ConstraintChecker.isVariableName(identifier)) {
        refuse(pattern, "variable names start with $, as in $" + identifier);
      } else {
        boolean isFact = type != null && facts.get(type.name()) == type;
        bind(new Binding(identifier, isFact ? type : null), pattern);
      }
    }
  }

  private FactType factType(PatternDescr pattern) {
    String name = pattern.getObjectType();
    if (name == null) {
      refuse(pattern, "OOPath patterns (/...) are not allowed; match a fact type");
      return null;
    }
    FactType type = facts.get(name);
    if (type == null) {
      refuse(
          pattern,
          name.contains(".")
              ? "qualified names such as "
                  + name
                  + " are not allowed; write a fact type's simple"
                  + " name: "
                  + String.join(", ", facts.keySet())
              : "'"
                  + name
                  + "' is not a fact type of this module; patterns may match "
                  + String.join(", ", facts.keySet()));
    }
    return type;
  }

  private void checkAccumulate(AccumulateDescr accumulate, PatternDescr result) {
    if (!accumulate.isExternalFunction()) {
      refuse(
          accumulate.getLine() > 0 ? accumulate : result,
          "accumulate with its own init/action/result code is not allowed; use "
              + String.join(", ", ACCUMULATE_FUNCTIONS));
      return;
    }
    if (accumulate.getInput() != null) {
      checkCondition(accumulate.getInput());
    }
    BaseDescr at = accumulate.getLine() > 0 ? accumulate : result;
    for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
      if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
        refuse(
            at,
            "the accumulate function "
                + function.getFunction()
                + " is not allowed; use "
                + String.join(", ", ACCUMULATE_FUNCTIONS));
        continue;
      }
      if (function.isUnification()) {
        refuse(at, "unification (:=) is not allowed");
      }
      for (String argument : function.getParams()) {
        ConstraintChecker.checkArgument(
            argument, bindings, new Span(text, -1, at.getLine(), at.getColumn()), problems);
      }
      String bind = function.getBind();
      if (bind != null) {
        if (ConstraintChecker.isVariableName(bind)) {
          bind(new Binding(bind, null), at);
        } else {
          refuse(at, "variable names start with $, as in $" + bind);
        }
      }
    }
  }

  /** The value accumulate produces is a number; its pattern may compare it but read nothing. */
  private FactType accumulateResult(PatternDescr pattern) {
    String name = pattern.getObjectType();
    if ("Object".equals(name)) {
      return FactType.opaque(Object.class);
    }
    if ("Number".equals(name)) {
      return FactType.opaque(Number.class);
    }
    refuse(pattern, "the result of accumulate is matched as Number(), not " + name);
    return null;
  }

  private void refuseSource(PatternSourceDescr source, PatternDescr pattern) {
    BaseDescr at = source.getLine() > 0 ? source : pattern;
    if (source.getClass() == FromDescr.class) {
      refuse(
          at,
          "'from' is not allowed: patterns match the facts the platform inserts, not values"
              + " computed by expressions");
    } else if (source.getClass() == CollectDescr.class) {
      refuse(
          at,
          "collect is not allowed; use accumulate with " + String.join(", ", ACCUMULATE_FUNCTIONS));
    } else if (source.getClass() == EntryPointDescr.class) {
      refuse(at, "entry points are not allowed");
    } else {
      refuse(at, kindName(source) + " is not allowed as the source of a pattern");
    }
  }

  private void checkConstraint(BaseDescr constraint, FactType type, PatternDescr pattern) {
    if (constraint.getClass() != ExprConstraintDescr.class) {
      refuse(pattern, kindName(constraint) + " is not allowed in a pattern");
      return;
    }
    var expression = (ExprConstraintDescr) constraint;
    BaseDescr at = expression.getLine() > 0 ? expression : pattern;
    if (expression.getType() != ExprConstraintDescr.Type.NAMED) {
      refuse(at, "positional constraints are not allowed; name the field, as in age > 18");
      return;
    }
    Span span =
        Span.of(
            text,
            expression.getExpression(),
            expression.getStartCharacter(),
            at.getLine(),
            at.getColumn());
    Binding bound =
        ConstraintChecker.checkConstraint(
            expression.getExpression(), type, bindings, span, problems);
    if (bound != null) {
      bind(bound, at);
    }
  }

  /**
   * Records a variable. Binding a name again is accepted when it means the same thing, as in the
   * branches of an {@code or}; Drools refuses what is really a duplicate.
   */
  private void bind(Binding binding, BaseDescr at) {
    Binding earlier = bindings.putIfAbsent(binding.name(), binding);
    if (earlier != null && earlier.fact() != binding.fact()) {
      refuse(at, binding.name() + " is bound twice with different meanings");
      bindings.put(binding.name(), new Binding(binding.name(), null));
    }
  }

  private void refuseAnnotations(AnnotatedBaseDescr annotated) {
    annotated
        .getAnnotations()
        .forEach(
            a ->
                refuse(
                    a.getLine() > 0 ? a : annotated,
                    "annotations such as @" + a.getName() + " are not allowed"));
  }

  private void refuse(BaseDescr at, String message) {
    problems.add(text.problemAt(at.getLine(), at.getColumn(), message));
  }

  /**
   * Names and attribute texts end up in Drools' generated Java, its logs and the console. Drools
   * 10.1 escapes them (names with quotes, line breaks and comment markers were tried), but a name
   * without such characters cannot break out of any of those places whatever the next version does.
   */
  private static boolean isPlainName(String name) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      return false;
    }
    return name.codePoints()
        .allMatch(
            c -> Character.isLetterOrDigit(c) || c == ' ' || NAME_PUNCTUATION.indexOf(c) >= 0);
  }

  private static String kindName(BaseDescr descr) {
    return descr.getClass().getSimpleName().replace("Descr", "");
  }
}
