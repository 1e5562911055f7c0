package org.unionhub.platform.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.drools.drl.parser.lang.DRL6Lexer;

/**
 * Checks one pattern constraint (or accumulate argument) of a tenant rule against the small
 * language tenants may use: fields and getters of the pattern's fact, variables bound earlier,
 * literals, arithmetic, comparisons, {@code &&}/{@code ||}/{@code !}, {@code in}, {@code contains},
 * {@code excludes}, {@code memberOf} and {@code str[startsWith|endsWith]}.
 *
 * <p>It reads the tokens of Drools' own DRL lexer and accepts them with a strict grammar that must
 * reach the end of the text. Drools' expression descriptors are not enough for this: the DRL
 * expression parser stops at the first token it does not understand and drops the rest without an
 * error (its own code says so about ternaries), so a check of the descriptor tree would not see
 * everything the compiler later reads. Every token is accounted for here, and any name that is not
 * a field of the fact, a getter of the fact, a bound variable or an operator is refused, which
 * rules out static calls, qualified names, {@code new}, casts and reflection without listing them.
 */
final class ConstraintChecker {

  /** Deep enough for any real condition; keeps recursion far from the thread's stack. */
  static final int MAX_DEPTH = 32;

  private static final Set<String> WORD_OPERATORS = Set.of("contains", "excludes", "memberOf");
  private static final Set<String> STR_OPERATIONS = Set.of("startsWith", "endsWith");
  private static final Set<Integer> COMPARISONS =
      Set.of(
          DRL6Lexer.EQUALS,
          DRL6Lexer.NOT_EQUALS,
          DRL6Lexer.LESS,
          DRL6Lexer.LESS_EQUALS,
          DRL6Lexer.GREATER,
          DRL6Lexer.GREATER_EQUALS);
  private static final Set<Integer> LITERALS =
      Set.of(DRL6Lexer.STRING, DRL6Lexer.DECIMAL, DRL6Lexer.FLOAT, DRL6Lexer.BOOL, DRL6Lexer.NULL);

  private final List<Token> tokens;
  private final FactType scope;
  private final Map<String, Binding> bindings;
  private int pos;
  private int depth;

  private ConstraintChecker(List<Token> tokens, FactType scope, Map<String, Binding> bindings) {
    this.tokens = tokens;
    this.scope = scope;
    this.bindings = bindings;
  }

  /**
   * Checks a constraint of a pattern.
   *
   * @param expression the constraint's text
   * @param scope the pattern's fact type, whose fields the constraint may name
   * @param bindings variables bound so far in the rule
   * @param span where the text is, for problems
   * @param problems where problems go
   * @return the variable the constraint binds ({@code $age : age}), or null
   */
  static Binding checkConstraint(
      String expression,
      FactType scope,
      Map<String, Binding> bindings,
      Span span,
      List<RuleProblem> problems) {
    return check(expression, scope, bindings, span, problems);
  }

  /**
   * Checks an argument of an accumulate function ({@code sum($age * 2)}); it sees bound variables
   * and literals, no fields.
   */
  static void checkArgument(
      String expression, Map<String, Binding> bindings, Span span, List<RuleProblem> problems) {
    Binding bound = check(expression, null, bindings, span, problems);
    if (bound != null) {
      problems.add(span.at(0, "an accumulate argument cannot bind a variable"));
    }
  }

  private static Binding check(
      String expression,
      FactType scope,
      Map<String, Binding> bindings,
      Span span,
      List<RuleProblem> problems) {
    var lexer = new DRL6Lexer(new ANTLRStringStream(expression));
    var tokens = new ArrayList<Token>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        tokens.add(t);
      }
    }
    if (!lexer.getErrors().isEmpty()) {
      problems.add(span.at(0, "cannot read the condition '" + expression.strip() + "'"));
      return null;
    }
    var checker = new ConstraintChecker(tokens, scope, bindings);
    try {
      return checker.constraint();
    } catch (Refusal refusal) {
      problems.add(span.at(refusal.index, refusal.getMessage()));
      return null;
    }
  }

  // constraint := [ VAR ':' ] orExpr
  private Binding constraint() {
    if (tokens.isEmpty()) {
      throw refuse("an empty condition");
    }
    Binding bound = null;
    if (type(0) == DRL6Lexer.ID && type(1) == DRL6Lexer.COLON) {
      String name = text(0);
      if (!isVariableName(name)) {
        throw refuse("variable names start with $, as in $" + name);
      }
      pos = 2;
      boolean bindsFact =
          scope != null && tokens.size() == 3 && type(0) == DRL6Lexer.ID && text(0).equals("this");
      bound = new Binding(name, bindsFact ? scope : null);
    } else if (type(0) == DRL6Lexer.UNIFY || type(1) == DRL6Lexer.UNIFY) {
      throw refuse("unification (:=) is not allowed");
    }
    orExpr();
    if (pos < tokens.size()) {
      throw refuse("unexpected '" + text(0) + "'");
    }
    return bound;
  }

  // orExpr := andExpr ( '||' andExpr )*
  private void orExpr() {
    enter();
    andExpr();
    while (type(0) == DRL6Lexer.DOUBLE_PIPE) {
      pos++;
      andExpr();
    }
    depth--;
  }

  // andExpr := relation ( '&&' relation )*
  private void andExpr() {
    relation();
    while (type(0) == DRL6Lexer.DOUBLE_AMPER) {
      pos++;
      relation();
    }
  }

  // relation := sum [ restriction ( ('&&' | '||') restriction )* ]   -- age > 16 && < 60
  private void relation() {
    sum();
    if (startsRestriction(0)) {
      restriction();
      while ((type(0) == DRL6Lexer.DOUBLE_AMPER || type(0) == DRL6Lexer.DOUBLE_PIPE)
          && startsRestriction(1)) {
        pos++;
        restriction();
      }
    }
  }

  private boolean startsRestriction(int ahead) {
    if (COMPARISONS.contains(type(ahead))) {
      return true;
    }
    if (type(ahead) != DRL6Lexer.ID) {
      return false;
    }
    return switch (text(ahead)) {
      case "not", "in", "str", "contains", "excludes", "memberOf", "matches", "soundslike" -> true;
      default -> false;
    };
  }

  // restriction := comparison sum | ['not'] 'in' '(' sum (',' sum)* ')'
  //              | ['not'] (contains | excludes | memberOf) sum | 'str' '[' op ']' sum
  private void restriction() {
    if (COMPARISONS.contains(type(0))) {
      pos++;
      sum();
      return;
    }
    if (type(0) == DRL6Lexer.ID && text(0).equals("not")) {
      pos++;
    }
    if (type(0) != DRL6Lexer.ID) {
      throw refuse("an operator must follow 'not'");
    }
    String operator = text(0);
    switch (operator) {
      case "in" -> {
        pos++;
        expect(DRL6Lexer.LEFT_PAREN, "'(' after in");
        enter();
        sum();
        while (type(0) == DRL6Lexer.COMMA) {
          pos++;
          sum();
        }
        depth--;
        expect(DRL6Lexer.RIGHT_PAREN, "')' closing the in list");
      }
      case "str" -> {
        pos++;
        expect(DRL6Lexer.LEFT_SQUARE, "'[' after str");
        if (type(0) != DRL6Lexer.ID || !STR_OPERATIONS.contains(text(0))) {
          throw refuse("str takes [startsWith] or [endsWith]");
        }
        pos++;
        expect(DRL6Lexer.RIGHT_SQUARE, "']' after str[" + text(-1));
        sum();
      }
      case "matches", "soundslike" ->
          throw refuse(
              "the "
                  + operator
                  + " operator is not allowed: a regular expression cannot be stopped once it runs;"
                  + " use str[startsWith] or str[endsWith]");
      default -> {
        if (!WORD_OPERATORS.contains(operator)) {
          throw refuse("'" + operator + "' is not an operator tenant rules may use");
        }
        pos++;
        sum();
      }
    }
  }

  // sum := product ( ('+' | '-') product )*
  private void sum() {
    product();
    while (type(0) == DRL6Lexer.PLUS || type(0) == DRL6Lexer.MINUS) {
      pos++;
      product();
    }
  }

  // product := unary ( ('*' | '/' | '%') unary )*
  private void product() {
    unary();
    while (type(0) == DRL6Lexer.STAR || type(0) == DRL6Lexer.DIV || type(0) == DRL6Lexer.MOD) {
      pos++;
      unary();
    }
  }

  // unary := ('-' | '!') unary | primary
  private void unary() {
    if (type(0) == DRL6Lexer.MINUS || type(0) == DRL6Lexer.NEGATION) {
      pos++;
      enter();
      unary();
      depth--;
      return;
    }
    primary();
  }

  // primary := literal | '(' orExpr ')' | 'this' ['.' member] | VAR ['.' member] | member
  private void primary() {
    int type = type(0);
    if (LITERALS.contains(type)) {
      pos++;
      return;
    }
    if (type == DRL6Lexer.LEFT_PAREN) {
      pos++;
      orExpr();
      expect(DRL6Lexer.RIGHT_PAREN, "')'");
      return;
    }
    if (type != DRL6Lexer.ID) {
      throw refuse(type == Token.EOF ? "the condition ends too early" : unexpected());
    }
    String name = text(0);
    if (name.equals("this")) {
      if (scope == null) {
        throw refuse("'this' means nothing here");
      }
      pos++;
      if (type(0) == DRL6Lexer.DOT) {
        pos++;
        member(scope);
      }
    } else if (name.startsWith("$")) {
      Binding binding = bindings.get(name);
      if (binding == null) {
        throw refuse(name + " is not bound earlier in this rule");
      }
      pos++;
      if (type(0) == DRL6Lexer.DOT) {
        if (binding.fact() == null) {
          throw refuse(name + " holds a value, not a fact; it has no fields to read");
        }
        pos++;
        member(binding.fact());
      }
    } else if (scope != null
        && (scope.hasProperty(name)
            || (scope.hasGetter(name) && type(1) == DRL6Lexer.LEFT_PAREN))) {
      member(scope);
    } else {
      throw refuse(unknownName(name));
    }
    if (type(0) == DRL6Lexer.DOT || type(0) == DRL6Lexer.NULL_SAFE_DOT) {
      throw refuse("reading into '" + text(-1) + "' is not allowed; compare the fact's own fields");
    }
  }

  // member := FIELD | GETTER '(' ')'
  private void member(FactType type) {
    if (type(0) != DRL6Lexer.ID) {
      throw refuse(unexpected());
    }
    String name = text(0);
    if (type(1) == DRL6Lexer.LEFT_PAREN) {
      if (!type.hasGetter(name)) {
        throw refuse(
            "calling "
                + name
                + "(...) is not allowed; conditions may call getters of "
                + type.name()
                + " only");
      }
      pos += 2;
      expect(DRL6Lexer.RIGHT_PAREN, "')': getters take no arguments");
      return;
    }
    if (!type.hasProperty(name)) {
      throw refuse(name + " is not a field of " + type.name() + " (" + type.properties() + ")");
    }
    pos++;
  }

  private String unknownName(String name) {
    if (name.equals("new")) {
      return "creating objects (new) is not allowed";
    }
    if (name.equals("eval")) {
      return "eval is not allowed; write the condition on the fact's fields";
    }
    String where =
        scope == null
            ? "a variable bound earlier in this rule"
            : "a field of " + scope.name() + " (" + scope.properties() + ") nor a bound variable";
    if (type(1) == DRL6Lexer.DOT) {
      return "'" + name + ".…': qualified names and static members are not allowed";
    }
    if (type(1) == DRL6Lexer.LEFT_PAREN) {
      return "calling "
          + name
          + "(...) is not allowed"
          + (scope == null ? "" : "; conditions may call getters of " + scope.name() + " only");
    }
    return "'" + name + "' is not " + where;
  }

  private String unexpected() {
    return "'" + text(0) + "' is not allowed in a condition";
  }

  private void expect(int type, String what) {
    if (type(0) != type) {
      throw refuse("expected " + what + (pos < tokens.size() ? " at '" + text(0) + "'" : ""));
    }
    pos++;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw refuse("the condition is nested too deeply");
    }
  }

  private int type(int ahead) {
    int i = pos + ahead;
    return i >= 0 && i < tokens.size() ? tokens.get(i).getType() : Token.EOF;
  }

  private String text(int ahead) {
    int i = pos + ahead;
    return i >= 0 && i < tokens.size() ? tokens.get(i).getText() : "";
  }

  private Refusal refuse(String message) {
    int index =
        tokens.isEmpty()
            ? 0
            : ((CommonToken) tokens.get(Math.min(pos, tokens.size() - 1))).getStartIndex();
    return new Refusal(message, index);
  }

  static boolean isVariableName(String name) {
    if (name.length() < 2 || name.charAt(0) != '$') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isJavaIdentifierPart(name.charAt(i)) || name.charAt(i) == '$') {
        return false;
      }
    }
    return true;
  }

  /** Stops the check at the first refused token; one problem per constraint is reported. */
  private static final class Refusal extends RuntimeException {
    private final int index;

    Refusal(String message, int index) {
      super(message, null, false, false);
      this.index = index;
    }
  }
}
