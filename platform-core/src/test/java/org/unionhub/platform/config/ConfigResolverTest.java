package org.unionhub.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.fixture.FixtureModuleFactory;
import org.unionhub.platform.fixture.Person;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleOutcome;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.settings.Setting;

class ConfigResolverTest {

  private static final ModuleDescriptor MODULE =
      new FixtureModuleFactory()
          .descriptor().toBuilder()
              .settings(
                  List.of(
                      Setting.integer(
                          "reviewDays", LocalizedText.of("复核天数", "Review days"), 10, 1, 30),
                      Setting.flag("notify", LocalizedText.of("通知", "Notify"), true)))
              .build();

  private static final List<String> DEFAULT_RULES =
      List.of(resource("org/unionhub/platform/fixture/fixture.drl"));

  private final ConfigResolver resolver = new ConfigResolver();

  private static PublishedLayer layer(String tenant, int number, long id, String json) {
    ConfigLayerJson.Read read = ConfigLayerJson.read(json);
    assertThat(read.problems()).isEmpty();
    return new PublishedLayer(tenant, number, id, read.layer());
  }

  private ConfigResolver.Resolution check(List<PublishedLayer> ancestors, String json) {
    return resolver.check(
        "gd-sz-ft", MODULE, DEFAULT_RULES, ancestors, ConfigLayerJson.read(json).layer());
  }

  @Test
  void withoutLayersEveryValueIsTheModulesDefault() {
    EffectiveConfig c = resolver.resolve("gd-sz-ft", MODULE, DEFAULT_RULES, List.of());

    assertThat(c.settingValues()).containsEntry("reviewDays", "10").containsEntry("notify", "true");
    assertThat(c.settings().get("reviewDays").from().status()).isEqualTo("default");
    assertThat(c.version()).isZero();
    assertThat(c.enabled()).isTrue();
  }

  @Test
  void valuesSayWhereTheyComeFromAndTheHighestVersionIdIsTheConfigurationVersion() {
    var gd = layer("gd", 3, 17, "{\"settings\": {\"reviewDays\": {\"value\": 12}}}");
    var ft = layer("gd-sz-ft", 1, 9, "{\"settings\": {\"notify\": {\"value\": false}}}");

    EffectiveConfig c = resolver.resolve("gd-sz-ft", MODULE, DEFAULT_RULES, List.of(gd, ft));

    assertThat(c.settings().get("reviewDays").value()).isEqualTo("12");
    assertThat(c.settings().get("reviewDays").from())
        .isEqualTo(new EffectiveConfig.Provenance("gd", 3, EffectiveConfig.Origin.INHERITED, null));
    assertThat(c.settings().get("notify").from().status()).isEqualTo("overridden");
    assertThat(c.version()).isEqualTo(17);
  }

  @Test
  void aLockedItemCannotBeChangedAndTheRefusalNamesWhoLockedIt() {
    var sz =
        layer(
            "gd-sz",
            1,
            1,
            "{\"settings\": {\"reviewDays\": {\"value\": 8}}, \"locks\": [\"settings.reviewDays\"]}");

    var result = check(List.of(sz), "{\"settings\": {\"reviewDays\": {\"value\": 9}}}");

    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("settings.reviewDays");
              assertThat(p.code()).isEqualTo("LOCKED");
              assertThat(p.message()).contains("gd-sz");
            });
    assertThat(result.config().settingValues()).containsEntry("reviewDays", "8");
    assertThat(result.config().settings().get("reviewDays").from().status()).isEqualTo("locked");
  }

  @Test
  void problemsNameTheUnionThatSetALockOrABoundAsTheCallerNamesIt() {
    var sz =
        layer(
            "gd-sz",
            1,
            1,
            "{\"settings\": {\"reviewDays\": {\"value\": 8}}, \"locks\": [\"settings.reviewDays\"],"
                + " \"workflow\": {\"submitted\": {\"min\": 5, \"max\": 15}}}");
    var named =
        resolver.check(
            "gd-sz-ft",
            MODULE,
            DEFAULT_RULES,
            List.of(sz),
            ConfigLayerJson.read(
                    "{\"settings\": {\"reviewDays\": {\"value\": 9}},"
                        + " \"workflow\": {\"submitted\": {\"workingDays\": 20}}}")
                .layer(),
            code -> code.equals("gd-sz") ? "深圳市总工会 (gd-sz)" : code);

    assertThat(named.problems())
        .extracting(ConfigProblem::message)
        .hasSize(2)
        .allSatisfy(m -> assertThat(m).contains("深圳市总工会 (gd-sz)"));
  }

  @Test
  void aValueOutsideAnAncestorsBoundsIsRefusedNamingTheBoundAndWhoSetIt() {
    var sz = layer("gd-sz", 1, 1, "{\"workflow\": {\"submitted\": {\"min\": 5, \"max\": 15}}}");

    var tooLong = check(List.of(sz), "{\"workflow\": {\"submitted\": {\"workingDays\": 20}}}");
    var fine = check(List.of(sz), "{\"workflow\": {\"submitted\": {\"workingDays\": 15}}}");

    assertThat(tooLong.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("workflow.submitted.workingDays");
              assertThat(p.code()).isEqualTo("OUT_OF_BOUNDS");
              assertThat(p.message()).contains("5–15").contains("gd-sz");
            });
    assertThat(fine.problems()).isEmpty();
    assertThat(fine.config().workflow().state("submitted").orElseThrow().workingDays())
        .isEqualTo(15);
  }

  @Test
  void boundsCanOnlyBeNarrowed() {
    var sz = layer("gd-sz", 1, 1, "{\"settings\": {\"reviewDays\": {\"min\": 5, \"max\": 15}}}");

    var wider = check(List.of(sz), "{\"settings\": {\"reviewDays\": {\"min\": 2}}}");
    var narrower = check(List.of(sz), "{\"settings\": {\"reviewDays\": {\"min\": 7}}}");

    assertThat(wider.problems()).extracting(ConfigProblem::code).containsExactly("BOUNDS_TOO_WIDE");
    assertThat(narrower.problems()).isEmpty();
    assertThat(narrower.config().settings().get("reviewDays").min()).isEqualTo(7);
    assertThat(narrower.config().settings().get("reviewDays").boundBy()).isEqualTo("gd-sz-ft");
  }

  @Test
  void anAncestorNarrowingBoundsLaterLeavesTheDescendantsOldValueOutOfForce() {
    var ft = layer("gd-sz-ft", 1, 2, "{\"settings\": {\"reviewDays\": {\"value\": 25}}}");
    var sz = layer("gd-sz", 2, 3, "{\"settings\": {\"reviewDays\": {\"max\": 20, \"value\": 20}}}");

    EffectiveConfig c = resolver.resolve("gd-sz-ft", MODULE, DEFAULT_RULES, List.of(sz, ft));

    assertThat(c.settingValues()).containsEntry("reviewDays", "20");
  }

  @Test
  void formFieldsCanBeRelabelledReorderedAddedButModuleRequiredFieldsStay() {
    var result =
        check(
            List.of(),
            "{\"form\": {\"name\": {\"label\": \"会员姓名\", \"order\": 99},"
                + " \"idNumber\": {\"hidden\": true},"
                + " \"wechat\": {\"add\": {\"type\": \"TEXT\", \"label\": \"微信号\", \"maxLength\": 40}}}}");

    assertThat(result.problems())
        .extracting(ConfigProblem::path, ConfigProblem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("form.idNumber.hidden", "MODULE_REQUIRED"));
    EffectiveConfig c = result.config();
    assertThat(c.form())
        .extracting(f -> f.name())
        .containsExactly("gender", "idNumber", "name", "wechat");
    assertThat(c.field("name").label().zh()).isEqualTo("会员姓名");
    assertThat(c.field("wechat").maxLength()).isEqualTo(40);
  }

  @Test
  void unknownItemsAreReportedWithTheirPaths() {
    var result =
        check(
            List.of(),
            "{\"settings\": {\"nope\": {\"value\": 1}}, \"form\": {\"ghost\": {\"hidden\": true}},"
                + " \"workflow\": {\"limbo\": {\"workingDays\": 3}}, \"locks\": [\"settings.nope\"]}");

    assertThat(result.problems())
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder("settings.nope", "form.ghost", "workflow.limbo", "locks");
  }

  @Test
  void aLayerOverridesAnInheritedRuleByNameAndOnlyItsVersionFires() {
    String defaultName =
        org.unionhub.platform.rules.RuleSandbox.ruleNames(DEFAULT_RULES.get(0)).get(0);
    var sz =
        layer(
            "gd-sz",
            1,
            1,
            "{\"rules\": {\"drl\": \"rule \\\""
                + defaultName
                + "\\\"\\nwhen\\n  Person( age < 18 )\\nthen\\n  actions.reject(\\\"idNumber\\\","
                + " \\\"UNDER_18\\\", \\\"未满18周岁\\\");\\nend\\n\"}}");

    EffectiveConfig c = resolver.resolve("gd-sz-ft", MODULE, DEFAULT_RULES, List.of(sz));
    RuleOutcome outcome = new RuleEngine().evaluate(c.ruleSet(), List.of(new Person(17)));

    assertThat(outcome.rejections())
        .extracting(RuleOutcome.Rejection::code)
        .containsExactly("UNDER_18");
    assertThat(c.rules())
        .extracting(EffectiveConfig.EffectiveRule::source, EffectiveConfig.EffectiveRule::active)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("module", false),
            org.assertj.core.groups.Tuple.tuple("gd-sz", true));
  }

  @Test
  void aLockedRuleCannotBeOverriddenOrDisabled() {
    String defaultName =
        org.unionhub.platform.rules.RuleSandbox.ruleNames(DEFAULT_RULES.get(0)).get(0);
    var gd = layer("gd", 1, 1, "{\"locks\": [\"rules." + defaultName + "\"]}");

    var disabling = check(List.of(gd), "{\"rules\": {\"disable\": [\"" + defaultName + "\"]}}");

    assertThat(disabling.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("gd"));
    assertThat(disabling.config().rules()).allMatch(EffectiveConfig.EffectiveRule::active);
  }

  @Test
  void aDecisionTableInALayerIsRenderedAndFires() {
    var gd =
        layer(
            "gd",
            1,
            1,
            "{\"rules\": {\"decisionTable\": {\"name\": \"gd.age\", \"factType\": \"Person\","
                + " \"conditions\": [{\"property\": \"age\", \"operator\": \"<\"}],"
                + " \"actions\": [{\"action\": \"reject\"}],"
                + " \"rows\": [{\"when\": {\"age\": \"18\"}, \"then\": {\"reject\": {\"field\":"
                + " \"idNumber\", \"code\": \"UNDER_18\", \"message\": \"未满18周岁\"}}}]}}}");

    EffectiveConfig c = resolver.resolve("gd-sz-ft", MODULE, DEFAULT_RULES, List.of(gd));

    assertThat(new RuleEngine().evaluate(c.ruleSet(), List.of(new Person(17))).rejections())
        .extracting(RuleOutcome.Rejection::code)
        .containsExactly("UNDER_18");
    assertThat(new RuleEngine().evaluate(c.ruleSet(), List.of(new Person(30))).rejections())
        .isEmpty();
  }

  @Test
  void aBrokenDecisionTableIsReportedNotPublished() {
    var result =
        check(
            List.of(),
            "{\"rules\": {\"decisionTable\": {\"name\": \"t\", \"factType\": \"Person\","
                + " \"conditions\": [{\"property\": \"shoeSize\", \"operator\": \"<\"}],"
                + " \"actions\": [], \"rows\": []}}}");

    assertThat(result.problems()).isNotEmpty();
    assertThat(result.problems()).allMatch(p -> p.path().equals("rules.decisionTable"));
  }

  @Test
  void ruleTextProblemsCarryLineAndColumn() {
    var result =
        check(
            List.of(),
            "{\"rules\": {\"drl\": \"rule \\\"x\\\"\\nwhen\\n  Person( age < 18 )\\nthen\\n  System.exit(0);\\nend\\n\"}}");

    assertThat(result.problems()).isNotEmpty();
    assertThat(result.problems().get(0).line()).isEqualTo(5);
    assertThat(result.problems().get(0).path()).isEqualTo("rules.drl");
  }

  @Test
  void aStepsRoleIsARoleIdOfStaffOrTenantAdmin() {
    var ok = check(List.of(), "{\"workflow\": {\"submitted\": {\"role\": \"tenant-admin\"}}}");
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.config().steps().get("submitted").role()).isEqualTo(Role.TENANT_ADMIN);
    assertThat(ok.config().workflow().transitions())
        .allMatch(t -> t.role() == Role.TENANT_ADMIN || !t.from().equals("submitted"));

    for (String wrong : List.of("member", "platform-admin", "Staff", "boss")) {
      var result =
          check(List.of(), "{\"workflow\": {\"submitted\": {\"role\": \"" + wrong + "\"}}}");
      assertThat(result.problems())
          .as(wrong)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.path()).isEqualTo("workflow.submitted.role");
                assertThat(p.code()).isEqualTo("INVALID");
                assertThat(p.message()).contains("[staff, tenant-admin]");
              });
    }
  }

  @Test
  void theLayerJsonRoundTripsAndFlattensForDiffs() {
    String json =
        "{\"enabled\": false, \"settings\": {\"reviewDays\": {\"value\": \"9\", \"min\": 3}},"
            + " \"workflow\": {\"submitted\": {\"role\": \"tenant-admin\"}}, \"locks\": [\"enabled\"]}";
    ConfigLayer layer = ConfigLayerJson.read(json).layer();

    assertThat(ConfigLayerJson.read(ConfigLayerJson.write(layer)).layer()).isEqualTo(layer);
    assertThat(ConfigLayerJson.flatten(layer))
        .containsEntry("enabled", "false")
        .containsEntry("settings.reviewDays.value", "9")
        .containsEntry("workflow.submitted.role", "tenant-admin");
  }

  @Test
  void malformedJsonIsReportedByPathNotThrown() {
    var read =
        ConfigLayerJson.read("{\"settings\": {\"reviewDays\": {\"min\": \"x\"}}, \"bogus\": 1}");

    assertThat(read.problems())
        .extracting(ConfigProblem::path, ConfigProblem::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("settings.reviewDays.min", "NOT_AN_INTEGER"),
            org.assertj.core.groups.Tuple.tuple("bogus", "UNKNOWN_KEY"));
    assertThat(ConfigLayerJson.read("not json").problems())
        .extracting(ConfigProblem::code)
        .containsExactly("INVALID_JSON");
  }

  private static String resource(String name) {
    try (var in = ConfigResolverTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
