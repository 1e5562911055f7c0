package org.unionhub.platform.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Providers;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the consequence ({@code then} part) of a tenant rule. Drools compiles it as the body of a
 * Java method, so it is parsed here as a Java block with JavaParser and every node must be of a
 * kind on a short list:
 *
 * <ul>
 *   <li>statements: a call of a method of {@code actions} with the right number of arguments, or an
 *       empty statement;
 *   <li>arguments: string, integer, long, double and boolean literals; variables bound in the
 *       rule's conditions; a getter called on a bound fact ({@code $a.getAge()}); {@code + - * /
 *       %}, comparisons, {@code && || !}, {@code ?:} and parentheses over those.
 * </ul>
 *
 * Anything else (assignments, declarations, loops, {@code if}, {@code new}, lambdas, casts, array
 * access, field access and qualified names, other calls including {@code insert}, {@code update},
 * {@code drools.*} and {@code kcontext.*}) is refused at its position.
 */
final class ConsequenceChecker {

  private static final Set<BinaryExpr.Operator> OPERATORS =
      Set.of(
          BinaryExpr.Operator.PLUS,
          BinaryExpr.Operator.MINUS,
          BinaryExpr.Operator.MULTIPLY,
          BinaryExpr.Operator.DIVIDE,
          BinaryExpr.Operator.REMAINDER,
          BinaryExpr.Operator.EQUALS,
          BinaryExpr.Operator.NOT_EQUALS,
          BinaryExpr.Operator.LESS,
          BinaryExpr.Operator.LESS_EQUALS,
          BinaryExpr.Operator.GREATER,
          BinaryExpr.Operator.GREATER_EQUALS,
          BinaryExpr.Operator.AND,
          BinaryExpr.Operator.OR);

  private static final Set<UnaryExpr.Operator> UNARY_OPERATORS =
      Set.of(
          UnaryExpr.Operator.MINUS, UnaryExpr.Operator.PLUS, UnaryExpr.Operator.LOGICAL_COMPLEMENT);

  /** Words for the refused kinds an author is most likely to try. */
  private static final Map<Class<? extends Node>, String> REFUSED_KINDS =
      Map.ofEntries(
          Map.entry(ObjectCreationExpr.class, "creating objects (new)"),
          Map.entry(ArrayCreationExpr.class, "creating arrays"),
          Map.entry(AssignExpr.class, "assignments"),
          Map.entry(VariableDeclarationExpr.class, "declaring variables"),
          Map.entry(LambdaExpr.class, "lambdas"),
          Map.entry(MethodReferenceExpr.class, "method references"),
          Map.entry(CastExpr.class, "casts"),
          Map.entry(ArrayAccessExpr.class, "array access"),
          Map.entry(FieldAccessExpr.class, "field access and qualified names"),
          Map.entry(ClassExpr.class, "class literals"),
          Map.entry(ThisExpr.class, "'this'"),
          Map.entry(InstanceOfExpr.class, "instanceof"),
          Map.entry(SwitchExpr.class, "switch"),
          Map.entry(ForStmt.class, "loops"),
          Map.entry(ForEachStmt.class, "loops"),
          Map.entry(WhileStmt.class, "loops"),
          Map.entry(DoStmt.class, "loops"),
          Map.entry(IfStmt.class, "if statements (put the condition in the rule's when part)"),
          Map.entry(SwitchStmt.class, "switch"),
          Map.entry(TryStmt.class, "try"),
          Map.entry(ThrowStmt.class, "throw"),
          Map.entry(ReturnStmt.class, "return"),
          Map.entry(SynchronizedStmt.class, "synchronized"),
          Map.entry(BlockStmt.class, "nested blocks"),
          Map.entry(LocalClassDeclarationStmt.class, "local classes"),
          Map.entry(CharLiteralExpr.class, "character literals (use a string)"),
          Map.entry(NullLiteralExpr.class, "null"),
          Map.entry(TextBlockLiteralExpr.class, "text blocks (use a string)"));

  private final Map<String, Set<Integer>> actionArities;
  private final Map<String, Binding> bindings;
  private final Span span;
  private final String consequence;
  private final List<RuleProblem> problems;

  ConsequenceChecker(
      Map<String, Set<Integer>> actionArities,
      Map<String, Binding> bindings,
      String consequence,
      Span span,
      List<RuleProblem> problems) {
    this.actionArities = actionArities;
    this.bindings = bindings;
    this.consequence = consequence;
    this.span = span;
    this.problems = problems;
  }

  void check() {
    // The block starts on a line of its own so that JavaParser's line n+1 is the consequence's
    // line n and columns need no correction; the closing brace gets its own line so that a
    // trailing // comment cannot swallow it.
    ParseResult<BlockStmt> parsed;
    try {
      parsed =
          new JavaParser(
                  new ParserConfiguration()
                      .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
              .parse(ParseStart.BLOCK, Providers.provider("{\n" + consequence + "\n}"));
    } catch (StackOverflowError tooDeep) {
      problems.add(span.at(0, "the consequence is nested too deeply to be checked"));
      return;
    }
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      for (Problem problem : parsed.getProblems()) {
        problems.add(
            problem
                .getLocation()
                .flatMap(location -> location.getBegin().getRange())
                .map(range -> at(range.begin.line, range.begin.column, notJava(problem)))
                .orElseGet(() -> span.at(0, notJava(problem))));
      }
      return;
    }
    for (Statement statement : parsed.getResult().get().getStatements()) {
      checkStatement(statement);
    }
  }

  private void checkStatement(Statement statement) {
    if (statement instanceof EmptyStmt) {
      return;
    }
    if (statement instanceof ExpressionStmt expressionStmt
        && expressionStmt.getExpression() instanceof MethodCallExpr call) {
      checkActionCall(call);
      return;
    }
    Node offending =
        statement instanceof ExpressionStmt expressionStmt
            ? expressionStmt.getExpression()
            : statement;
    refuse(offending, "not allowed in a consequence: " + describe(offending));
  }

  private void checkActionCall(MethodCallExpr call) {
    boolean onActions =
        call.getScope().orElse(null) instanceof NameExpr scope
            && scope.getNameAsString().equals("actions");
    if (!onActions) {
      refuseCall(call, "a consequence may only call " + actionList());
      return;
    }
    String name = call.getNameAsString();
    if (call.getTypeArguments().isPresent()) {
      refuse(call, "type arguments are not allowed");
      return;
    }
    Set<Integer> arities = actionArities.get(name);
    if (arities == null) {
      refuse(call, "actions has no method " + name + "; a consequence may call " + actionList());
      return;
    }
    if (!arities.contains(call.getArguments().size())) {
      refuse(
          call,
          "actions."
              + name
              + " takes "
              + arities
              + " argument(s), not "
              + call.getArguments().size());
      return;
    }
    call.getArguments().forEach(this::checkValue);
  }

  private void checkValue(Expression value) {
    if (value instanceof StringLiteralExpr
        || value instanceof IntegerLiteralExpr
        || value instanceof LongLiteralExpr
        || value instanceof DoubleLiteralExpr
        || value instanceof BooleanLiteralExpr) {
      return;
    }
    if (value instanceof NameExpr name) {
      if (!bindings.containsKey(name.getNameAsString())) {
        refuse(
            name,
            "'" + name.getNameAsString() + "' is not a variable bound in this rule's conditions");
      }
      return;
    }
    if (value instanceof MethodCallExpr call) {
      checkGetterCall(call);
      return;
    }
    if (value instanceof BinaryExpr binary) {
      if (!OPERATORS.contains(binary.getOperator())) {
        refuse(binary, "the operator " + binary.getOperator().asString() + " is not allowed");
        return;
      }
      checkValue(binary.getLeft());
      checkValue(binary.getRight());
      return;
    }
    if (value instanceof UnaryExpr unary) {
      if (!UNARY_OPERATORS.contains(unary.getOperator())) {
        refuse(unary, "the operator " + unary.getOperator().asString() + " is not allowed");
        return;
      }
      checkValue(unary.getExpression());
      return;
    }
    if (value instanceof EnclosedExpr enclosed) {
      checkValue(enclosed.getInner());
      return;
    }
    if (value instanceof ConditionalExpr conditional) {
      checkValue(conditional.getCondition());
      checkValue(conditional.getThenExpr());
      checkValue(conditional.getElseExpr());
      return;
    }
    refuse(value, "not allowed in an argument of actions: " + describe(value));
  }

  private void checkGetterCall(MethodCallExpr call) {
    if (isGetterCall(call)) {
      return;
    }
    Binding binding = boundFact(call);
    if (binding != null) {
      refuse(
          call,
          call.getNameAsString()
              + "(...) is not a getter of "
              + binding.fact().name()
              + " (fields: "
              + binding.fact().properties()
              + ")");
    } else if (call.getScope().orElse(null) instanceof MethodCallExpr inner
        && isGetterCall(inner)) {
      refuse(
          call,
          "calling "
              + call.getNameAsString()
              + "(...) on what "
              + inner
              + " returns is not allowed; arguments may only call getters of bound facts");
    } else {
      refuseCall(call, "arguments may only call getters of facts bound in the conditions");
    }
  }

  /** {@code $a.getAge()}: a getter without arguments called on a fact bound in the conditions. */
  private boolean isGetterCall(MethodCallExpr call) {
    Binding binding = boundFact(call);
    return binding != null
        && call.getArguments().isEmpty()
        && call.getTypeArguments().isEmpty()
        && binding.fact().hasGetter(call.getNameAsString());
  }

  private Binding boundFact(MethodCallExpr call) {
    Binding binding =
        call.getScope().orElse(null) instanceof NameExpr name
            ? bindings.get(name.getNameAsString())
            : null;
    return binding != null && binding.fact() != null ? binding : null;
  }

  /**
   * Refuses a call, naming the call its chain starts with ({@code Runtime.getRuntime()} in {@code
   * Runtime.getRuntime().exec(...)}): that is what the author reached for. A chain that starts with
   * {@code new} or another expression is refused for that expression.
   */
  private void refuseCall(MethodCallExpr call, String allowed) {
    MethodCallExpr first = call;
    while (first.getScope().orElse(null) instanceof MethodCallExpr inner) {
      first = inner;
    }
    Expression base = first.getScope().orElse(null);
    if (base == null || base instanceof NameExpr || base instanceof FieldAccessExpr) {
      String scope = base == null ? "" : base + ".";
      refuse(
          call, "calling " + scope + first.getNameAsString() + "(...) is not allowed; " + allowed);
    } else if (base instanceof LiteralExpr) {
      refuse(call, "calling methods on literals is not allowed; " + allowed);
    } else {
      refuse(base, "not allowed in a consequence: " + describe(base));
    }
  }

  private String actionList() {
    return actionArities.keySet().stream()
        .sorted()
        .map(name -> "actions." + name)
        .collect(Collectors.joining(", "));
  }

  private void refuse(Node node, String message) {
    problems.add(
        node.getBegin()
            .map(begin -> at(begin.line, begin.column, message))
            .orElseGet(() -> span.at(0, message)));
  }

  /** Maps a position in the wrapped block (one line more at the top) to the layer. */
  private RuleProblem at(int line, int column, String message) {
    return line <= 1 ? span.at(0, message) : span.atJava(consequence, line - 1, column, message);
  }

  private static String describe(Node node) {
    return REFUSED_KINDS.getOrDefault(node.getClass(), node.getClass().getSimpleName());
  }

  private static String notJava(Problem problem) {
    String message = problem.getMessage().lines().findFirst().orElse("").strip();
    return "the consequence does not parse as Java statements: " + message;
  }
}
