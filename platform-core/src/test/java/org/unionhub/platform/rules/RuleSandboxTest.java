package org.unionhub.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.platform.fixture.Applicant;
import org.unionhub.platform.fixture.ApplicantModuleFactory;
import org.unionhub.sdk.rules.Actions;

class RuleSandboxTest {

  private static final RuleSandbox SANDBOX =
      RuleSandbox.forModule(new ApplicantModuleFactory().descriptor());

  private static final List<String> ACCEPTED_CONDITIONS =
      List.of(
          "Applicant( age < 18, employmentType == \"dispatched\" )",
          "Applicant( age >= 16 && < 18 )",
          "Applicant( age < 16 || > 63 )",
          "Applicant( district in (\"gd-sz-ft\", \"gd-sz-ns\") )",
          "Applicant( district not in (\"zj-hz\") )",
          "Applicant( employmentType != null, district == null )",
          "Applicant( idNumber str[startsWith] \"4403\", idNumber str[endsWith] \"X\" )",
          "Applicant( district contains \"sz\", district not contains \"hz\" )",
          "Applicant( !(age > 60) )",
          "Applicant( age + 2 > 18 * 1, -age < 0, age % 2 == 0 )",
          "Applicant( getAge() > 3, this.age > 3, this.getAge() > 3 )",
          "$a : Applicant() Applicant( this != $a, age > $a.age, district == $a.getDistrict() )",
          "$a : Applicant( $age : age ) Applicant( age == $age )",
          "$a : Applicant() not Applicant( idNumber == $a.idNumber, this != $a )",
          "exists Applicant( age > 60 )",
          "forall( Applicant( age > 16 ) )",
          "( Applicant( age < 16 ) or Applicant( age > 63 ) )",
          "$x : Applicant( $me : this ) Applicant( this == $me )",
          "accumulate( Applicant( $age : age ); $n : count( $age ), $s : sum( $age * 2 ); $n > 1 )",
          "$n : Number( this > 1 ) from accumulate( Applicant( $age : age ), count( $age ) )");

  private static final List<String> ACCEPTED_CONSEQUENCES =
      List.of(
          "actions.reject(\"idNumber\", \"UNDER_18\", \"派遣工须年满18周岁\");",
          "actions.routeTo($district);",
          "actions.dueInWorkingDays(10); actions.dueInWorkingDays($age > 60 ? 3 : (10 - 2) * 1);",
          "actions.flagForReview(\"申请人\" + $a.getAge() + \"岁，\" + $a.getIdNumber() + $age % 7);",
          "actions.flagForReview(!($age >= 18 && $age < 60) || false ? \"review\" : \"ok\");",
          "actions.dueInWorkingDays(-$age + 100); ;",
          "// a comment\n  actions.flagForReview(\"x\"); /* another */");

  static List<String> acceptedConditions() {
    return ACCEPTED_CONDITIONS;
  }

  static List<String> acceptedConsequences() {
    return ACCEPTED_CONSEQUENCES;
  }

  private static String rule(String when, String then) {
    return "rule \"r\"\nwhen\n  " + when + "\nthen\n  " + then + "\nend\n";
  }

  private static List<RuleProblem> conditionProblems(String when) {
    return SANDBOX.validate(rule(when, "actions.flagForReview(\"x\");"));
  }

  private static List<RuleProblem> consequenceProblems(String then) {
    return SANDBOX.validate(rule("$a : Applicant( $age : age, $district : district )", then));
  }

  @Test
  void everyProblemOfALayerIsReportedAtItsLineAndColumn() {
    String layer =
        """
        import java.io.File;
        rule "one"
        when
          Applicant( age > Math.random() )
        then
          System.exit(0);
          actions.routeTo("gd-sz-ft");
          actions.flagForReview(new File("/").getName());
        end
        """;

    assertThat(SANDBOX.validate(layer))
        .extracting(RuleProblem::line, RuleProblem::column)
        .containsExactly(tuple(1, 1), tuple(4, 20), tuple(6, 3), tuple(8, 25));
  }

  @Test
  void positionsInsideAOneLineRuleAreColumnsOfTheLayer() {
    String layer = "rule \"r\" when Applicant( getClass() != null ) then Runtime.getRuntime(); end";

    assertThat(SANDBOX.validate(layer))
        .extracting(RuleProblem::line, RuleProblem::column)
        .containsExactly(tuple(1, 26), tuple(1, 52));
  }

  @Test
  void positionsSurviveWindowsLineEndings() {
    String layer = "rule \"r\"\r\nwhen\r\n  Applicant()\r\nthen\r\n  \r\n    insert(1);\r\nend\r\n";

    assertThat(SANDBOX.validate(layer))
        .extracting(RuleProblem::line, RuleProblem::column)
        .containsExactly(tuple(6, 5));
  }

  @Test
  void aLayerLargerThan64KibIsRefusedForItsSizeAlone() {
    String comment = "// " + "注".repeat(RuleSandbox.MAX_LAYER_BYTES / 3) + "\n";

    assertThat(SANDBOX.validate(comment + rule("Applicant()", "System.exit(0);")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("bytes", "65536");
              assertThat(p.line()).isZero();
            });
  }

  @Test
  void aLayerWithTooManyRulesIsRefusedAtTheFirstRuleTooMany() {
    var layer = new StringBuilder();
    for (int i = 0; i <= RuleSandbox.MAX_RULES; i++) {
      layer.append("rule \"r").append(i).append("\" when Applicant() then end\n");
    }

    assertThat(SANDBOX.validate(layer.toString()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(RuleSandbox.MAX_RULES + 1);
              assertThat(p.message()).contains("at most " + RuleSandbox.MAX_RULES + " rules");
            });
  }

  @Test
  void aPackageLineIsRefusedBecauseThePlatformChoosesThePackage() {
    assertThat(SANDBOX.validate("package evil;\n" + rule("Applicant()", "")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("no package line"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "import static java.lang.System.exit;",
        "import function java.lang.System.exit;",
        "import accumulate org.unionhub.Evil evil;",
        "import org.unionhub.modules.enrollment.*;",
        "unit org.unionhub.Evil;",
        "declare enum Level LOW, HIGH; end",
        "declare window Last Applicant() over window:length( 1 ) end",
        "declare entry-point Secrets end",
        "global org.unionhub.sdk.rules.Actions actions;",
      })
  void statementsOutsideRulesAreRefused(String statement) {
    assertThat(SANDBOX.validate(statement + "\n" + rule("Applicant()", "")))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.line()).isEqualTo(1));
  }

  @Test
  void importingAModuleFactIsRedundantButAllowedAndStillCompiles() {
    String layer =
        "import org.unionhub.platform.fixture.Applicant;\n"
            + rule("Applicant( age < 18 )", "actions.flagForReview(\"young\");");

    assertThat(SANDBOX.validate(layer)).isEmpty();
    var outcome =
        new RuleEngine()
            .evaluate(
                List.of(SANDBOX.compose("org.unionhub.tenants.t1", layer)),
                List.of(TenantRulesTest.applicant(17, "employee", "gd-sz-ft")));
    assertThat(outcome.flags()).containsExactly("young");
  }

  @Test
  void syntaxErrorsAreReportedAloneWithTheirPositions() {
    assertThat(SANDBOX.validate("rule \"r\"\nwhen\n  Applicant( age < )\nthen\nend\n"))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.line()).isEqualTo(3));
  }

  @Test
  void conditionsNestedTooDeeplyForDroolsParserAreRefusedInsteadOfCrashing() {
    String deep = "(".repeat(20_000) + "age > 1" + ")".repeat(20_000);

    assertThat(conditionProblems("Applicant( " + deep + " )"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("nested too deeply"));
  }

  @Test
  void consequencesNestedTooDeeplyForJavaParserAreRefusedInsteadOfCrashing() {
    String deep = "-".repeat(30_000) + "1";

    assertThat(consequenceProblems("actions.dueInWorkingDays(" + deep + ");"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("nested too deeply"));
  }

  @ParameterizedTest
  @MethodSource("acceptedConditions")
  void conditionsOnFieldsBindingsAndLiteralsAreAccepted(String when) {
    assertThat(conditionProblems(when)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Applicant( birthDate.year < 1960 )                | reading into 'birthDate'",
        "Applicant( idNumber.substring(0, 2) == \"44\" )   | reading into 'idNumber'",
        "Applicant( age > $undefined )                     | $undefined is not bound",
        "Applicant( $d : district ) Applicant( $d.length > 1 ) | holds a value, not a fact",
        "Applicant( salary > 1 )                           | 'salary' is not a field of Applicant",
        "Applicant( getClass() != null )                   | calling getClass(...)",
        "Applicant( getAge(1) > 1 )                        | getters take no arguments",
        "Applicant( age #Integer > 1 )                     | unexpected '#'",
        "Applicant( idNumber soundslike \"x\" )            | soundslike operator is not allowed",
        "Applicant( age > 3 , new java.io.File(\"/\") != null ) | creating objects (new)",
        "Applicant( district == System.getenv(\"X\") )     | 'System.…'",
        "Applicant( age := 3 )                             | unification (:=)",
        "Applicant( 17, \"dispatched\"; )                  | positional constraints",
        "d : Applicant()                                   | variable names start with $",
        "Applicant( d : district )                         | variable names start with $",
        "Applicant() @watch(age)                           | annotations",
        "/applicants[ age > 3 ]                            | OOPath",
        "Number() from collect( Applicant() )              | collect is not allowed",
        "accumulate( Applicant( $i : idNumber ); $l : collectList( $i ) ) | collectList is not allowed",
        "accumulate( Applicant( $a : age ); $s : sum( age ) ) | 'age' is not a variable bound",
        "$s : String() from accumulate( Applicant( $a : age ), count( $a ) ) | matched as Number()",
        "Applicant( age > 3 ) over window:length( 10 )     | sliding windows",
      })
  void conditionsReachingBeyondFieldsAndBindingsAreRefused(String when, String reason) {
    assertThat(conditionProblems(when))
        .isNotEmpty()
        .anySatisfy(p -> assertThat(p.message()).contains(reason.strip()));
  }

  @ParameterizedTest
  @MethodSource("acceptedConsequences")
  void consequencesCallingActionsWithLiteralsAndFactFieldsAreAccepted(String then) {
    assertThat(consequenceProblems(then)).isEmpty();
  }

  @Test
  void everythingTheSandboxAcceptsCompilesOnDrools() {
    var layer = new StringBuilder();
    for (int i = 0; i < ACCEPTED_CONDITIONS.size(); i++) {
      layer.append(
          rule(ACCEPTED_CONDITIONS.get(i), "actions.flagForReview(\"x\");")
              .replace("\"r\"", "\"condition " + i + "\""));
    }
    for (int i = 0; i < ACCEPTED_CONSEQUENCES.size(); i++) {
      layer.append(
          rule("$a : Applicant( $age : age, $district : district )", ACCEPTED_CONSEQUENCES.get(i))
              .replace("\"r\"", "\"consequence " + i + "\""));
    }

    String source = SANDBOX.compose("org.unionhub.tenants.t1", layer.toString());

    assertThat(new RuleEngine().kieBase(List.of(source))).isNotNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "actions.reject(\"x\");                      | takes [3] argument(s), not 1",
        "actions.approve();                          | actions has no method approve",
        "actions.<String>routeTo(\"x\");              | type arguments",
        "actions.routeTo($a.getClass().getName());   | calling $a.getClass(...)",
        "actions.routeTo($a.getBirthDate().toString()); | on what $a.getBirthDate() returns",
        "actions.routeTo($a.getAge(1));              | getAge(...) is not a getter",
        "actions.routeTo($district.trim());          | calling $district.trim(...)",
        "actions.routeTo(actions.toString());        | calling actions.toString(...)",
        "actions.routeTo(\"x\".trim());               | calling methods on literals",
        "actions.routeTo((String) $district);        | casts",
        "actions.routeTo(new String[] {\"x\"}[0]);    | array access",
        "actions.routeTo(null);                      | null",
        "actions.routeTo(String.valueOf('x'));       | calling String.valueOf(...)",
        "actions.dueInWorkingDays($age++);           | the operator ++",
        "actions.dueInWorkingDays($age << 2);        | the operator <<",
        "actions.routeTo(Applicant.class.getName()); | class literals",
        "actions.routeTo(this.toString());           | 'this'",
        "actions.routeTo(java.io.File.separator);    | field access and qualified names",
        "if ($age > 3) actions.routeTo(\"x\");        | if statements",
        "{ actions.routeTo(\"x\"); }                  | nested blocks",
        "try { actions.routeTo(\"x\"); } finally { }  | try",
        "return;                                     | return",
        "throw new RuntimeException();               | throw",
        "synchronized (actions) { }                  | synchronized",
        "$age = 3;                                   | assignments",
        "java.util.function.Supplier<String> s = () -> \"x\"; | declaring variables",
        "class Evil { }                              | local classes",
        "drools.halt();                              | calling drools.halt(...)",
        "kcontext.getKieRuntime();                   | calling kcontext.getKieRuntime(...)",
        "insertLogical($a);                          | calling insertLogical(...)",
      })
  void consequencesDoingAnythingButCallingActionsAreRefused(String then, String reason) {
    assertThat(consequenceProblems(then))
        .isNotEmpty()
        .anySatisfy(p -> assertThat(p.message()).contains(reason.strip()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "salience 10                    | ",
        "salience -5                    | ",
        "no-loop                        | ",
        "no-loop true                   | ",
        "lock-on-active false           | ",
        "activation-group \"age\"       | ",
        "enabled false                  | ",
        "date-effective \"01-Jan-2027\" | ",
        "salience ( 10 + 1 )            | salience must be a whole number",
        "enabled ( 1 == 1 )             | must be true or false",
        "dialect \"mvel\"               | the attribute dialect is not allowed",
        "duration ( 1000 )              | the attribute duration is not allowed",
        "calendars \"weekdays\"         | the attribute calendars is not allowed",
        "agenda-group \"hidden\"        | the attribute agenda-group is not allowed",
        "auto-focus true                | the attribute auto-focus is not allowed",
        "ruleflow-group \"x\"           | the attribute ruleflow-group is not allowed",
      })
  void onlyAttributesWhoseValuesAreDataAreAccepted(String attribute, String reason) {
    String layer = "rule \"r\"\n  " + attribute + "\nwhen\n  Applicant()\nthen\nend\n";

    if (reason == null) {
      assertThat(SANDBOX.validate(layer)).isEmpty();
    } else {
      assertThat(SANDBOX.validate(layer))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.message()).contains(reason.strip());
                assertThat(p.line()).isEqualTo(2);
              });
    }
  }

  @Test
  void rulesMayNeitherExtendOtherRulesNorCarryAnnotations() {
    String layer =
        """
        rule "base" when Applicant() then end
        rule "child" extends "base" when Applicant() then end
        rule "annotated" @Propagation(IMMEDIATE) when Applicant() then end
        """;

    List<RuleProblem> problems = SANDBOX.validate(layer);

    assertThat(problems).extracting(RuleProblem::line).containsExactly(2, 3);
    assertThat(problems.get(0).message()).contains("extends");
    assertThat(problems.get(1).message()).contains("annotations");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rule \"a\\\"b\" when Applicant() then end",
        "rule \"line\nbreak\" when Applicant() then end",
        "rule \"a */ b\" when Applicant() then end",
        "rule \"\" when Applicant() then end",
        "rule \"r\" activation-group \"a;b\" when Applicant() then end",
      })
  void namesAndAttributeTextsHoldNothingThatCouldBreakOutOfGeneratedCode(String layer) {
    assertThat(SANDBOX.validate(layer))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("letters, digits, spaces"));
  }

  @Test
  void namesInChineseWithCommonPunctuationAreAccepted() {
    assertThat(SANDBOX.validate("rule \"福田区·派遣工（18岁以下）\" when Applicant() then end")).isEmpty();
  }

  @Test
  void composedSourcesCarryThePlatformHeaderOnOneLine() {
    String layer = rule("Applicant()", "actions.routeTo(\"gd-sz-ft\");");

    String source = SANDBOX.compose("org.unionhub.tenants.gd_sz_ft", layer);

    assertThat(source.lines().findFirst().orElseThrow())
        .isEqualTo(
            "package org.unionhub.tenants.gd_sz_ft; import "
                + Applicant.class.getName()
                + "; import "
                + org.unionhub.sdk.rules.WorkflowStep.class.getName()
                + "; global "
                + Actions.class.getName()
                + " actions;");
    assertThat(source).endsWith(layer);
  }

  @Test
  void composeRefusesALayerWithEveryProblem() {
    String layer = rule("Applicant()", "System.exit(0); System.gc();");

    assertThatThrownBy(() -> SANDBOX.compose("org.unionhub.tenants.t1", layer))
        .isInstanceOfSatisfying(
            RuleCompilationException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Org.Evil", "a;b", "a b", "a..b", "a.b;import java.io.File"})
  void composeRefusesPackageNamesThatAreNotPlainPackageNames(String packageName) {
    assertThatThrownBy(() -> SANDBOX.compose(packageName, rule("Applicant()", "")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jdkClassesCannotBeDeclaredAsFacts() {
    assertThatThrownBy(() -> new RuleSandbox(List.of(Runtime.class), Actions.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the JDK");
  }

  @Test
  void factTypesWithTheSameSimpleNameCannotBeToldApart() {
    assertThatThrownBy(
            () -> new RuleSandbox(List.of(Applicant.class, Nested.Applicant.class), Actions.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two fact types are called Applicant");
  }

  @Test
  void theActionApiMustBeAnInterface() {
    assertThatThrownBy(() -> new RuleSandbox(List.of(Applicant.class), RuleOutcome.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Holds a second public class called Applicant. */
  public static final class Nested {
    /** Same simple name as the enrollment fact. */
    public static final class Applicant {}
  }
}
