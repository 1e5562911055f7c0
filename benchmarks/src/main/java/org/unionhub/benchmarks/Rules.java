package org.unionhub.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.unionhub.modules.enrollment.Applicant;
import org.unionhub.modules.enrollment.EnrollmentModuleFactory;
import org.unionhub.platform.config.ConfigResolver;
import org.unionhub.platform.rules.RuleSandbox;
import org.unionhub.platform.rules.RuleSet;
import org.unionhub.sdk.ModuleDescriptor;

/**
 * Generated, realistic rule sets for the enrollment module: the module's own default rules followed
 * by tenant layers (national, province, city, district) as a union would write them — age ranges,
 * employment types, districts, employer and ID-number prefixes, with rejections, flags, routing and
 * deadlines — each layer checked and composed by the real {@link RuleSandbox}.
 *
 * <p>A {@code variant} changes every threshold and message, so each variant is a distinct text with
 * its own hash (and its own KieBase).
 */
public final class Rules {

  /** The real enrollment module. */
  public static final ModuleDescriptor ENROLLMENT = new EnrollmentModuleFactory().descriptor();

  /** Its sandbox. */
  public static final RuleSandbox SANDBOX = RuleSandbox.forModule(ENROLLMENT);

  /** The enrollment module's default rules, read as the platform reads them. */
  public static final List<String> DEFAULTS = loadDefaults();

  private static final String[] TYPES = {"employee", "dispatched", "flexible", "part-time"};
  private static final String[] DISTRICTS = {
    "gd-sz-ft", "gd-sz-ns", "gd-sz-lh", "gd-sz-ba", "gd-gz-th", "gd-gz-yx", "zj-hz-xh", "zj-hz-sc"
  };
  private static final String[] LAYER_TENANTS = {"acftu", "gd", "gd-sz", "gd-sz-ft"};

  private Rules() {}

  /**
   * A composed rule set of exactly {@code ruleCount} rules: the module's defaults and tenant layers
   * of at most {@link RuleSandbox#MAX_RULES} rules each.
   *
   * @param ruleCount the number of rules, at least the module's defaults plus one
   * @param variant which variant of thresholds and messages
   * @return the sources, defaults first
   */
  public static List<String> sources(int ruleCount, int variant) {
    int defaults = RuleSandbox.ruleNames(DEFAULTS.get(0)).size();
    int tenantRules = ruleCount - defaults;
    // 50 rules: a province and a district layer; 200 rules: all four levels.
    int layers = tenantRules <= 2 * 50 ? 2 : 4;
    String[] tenants = layers == 2 ? new String[] {"gd", "gd-sz-ft"} : LAYER_TENANTS;
    var sources = new ArrayList<>(DEFAULTS);
    int rule = 0;
    for (int l = 0; l < layers; l++) {
      int inLayer = tenantRules / layers + (l < tenantRules % layers ? 1 : 0);
      String tenant = tenants[l];
      var layer = new StringBuilder();
      for (int i = 0; i < inLayer; i++, rule++) {
        layer.append(rule(tenant, rule, variant)).append('\n');
      }
      sources.add(SANDBOX.compose(ConfigResolver.layerPackage(tenant), layer.toString()));
    }
    return List.copyOf(sources);
  }

  /**
   * @param ruleCount the number of rules
   * @param variant which variant
   * @return the rule set, nothing suppressed
   */
  public static RuleSet ruleSet(int ruleCount, int variant) {
    return new RuleSet(sources(ruleCount, variant), java.util.Set.of());
  }

  /** One rule of a tenant layer; {@code i} picks its kind and constants. */
  static String rule(String tenant, int i, int variant) {
    String name = "rule \"" + tenant + ".r" + i + "-v" + variant;
    int v = variant % 7;
    String type = TYPES[(i + v) % TYPES.length];
    String district = DISTRICTS[(i + v) % DISTRICTS.length];
    return switch (i % 8) {
      case 0 ->
          name
              + ".min-age\"\nwhen\n  Applicant( age < "
              + (16 + (i + v) % 5)
              + ", employmentType == \""
              + type
              + "\" )\nthen\n  actions.reject(\"idNumber\", \"UNDER_AGE_"
              + i
              + "\", \""
              + type
              + "须年满"
              + (16 + (i + v) % 5)
              + "周岁（"
              + tenant
              + "，第"
              + variant
              + "版）\");\nend\n";
      case 1 ->
          name
              + ".near-retirement\"\nwhen\n  $a : Applicant( age >= "
              + (50 + (i + v) % 8)
              + " && < "
              + (60 + (i + v) % 5)
              + ", $district : district )\nthen\n  actions.flagForReview(\"申请人\" + $a.getAge()"
              + " + \"岁，临近退休，请核实与\" + $district + \"用人单位的劳动关系（"
              + variant
              + "）\");\nend\n";
      case 2 ->
          name
              + ".gig-time\"\nwhen\n  Applicant( employmentType in (\"flexible\", \"part-time\"),"
              + " age > "
              + (18 + (i + v) % 10)
              + " )\nthen\n  actions.dueInWorkingDays("
              + (5 + (i + v) % 10)
              + ");\nend\n";
      case 3 ->
          name
              + ".route\"\n  salience "
              + (i % 20)
              + "\nwhen\n  Applicant( district == \""
              + district
              + "\" || district == null )\nthen\n  actions.routeTo(\""
              + district
              + "\");\nend\n";
      case 4 ->
          name
              + ".employer-region\"\nwhen\n  Applicant( employerCreditCode not str[startsWith] \"91"
              + (44 + (i + v) % 20)
              + "\", $id : idNumber )\nthen\n  actions.flagForReview(\"单位注册地不在本地: \" + $id"
              + " + \"（"
              + variant
              + "）\");\nend\n";
      case 5 ->
          name
              + ".female-retirement\"\nwhen\n  Applicant( gender == \"female\", age >= "
              + (45 + (i + v) % 6)
              + ", employmentType != \"employee\" )\nthen\n  actions.flagForReview(\"女职工临近退休年龄"
              + "，请核实（"
              + variant
              + "）\");\nend\n";
      case 6 ->
          name
              + ".dispatched-elsewhere\"\nwhen\n  Applicant( employmentType == \"dispatched\","
              + " district != \""
              + district
              + "\", age < "
              + (25 + (i + v) % 10)
              + " )\nthen\n  actions.reject(\"district\", \"DISPATCHED_ELSEWHERE\","
              + " \"派遣工请向用工单位所在区县申请（"
              + variant
              + "）\");\nend\n";
      default ->
          name
              + ".local-id\"\nwhen\n  Applicant( idNumber str[startsWith] \"4403"
              + (i + v) % 10
              + "\", age >= 16 && <= "
              + (55 + (i + v) % 10)
              + " )\nthen\n  actions.flagForReview(\"本地户籍申请人（"
              + variant
              + "）\");\nend\n";
    };
  }

  /**
   * Sixteen applicants of varied age, employment type and district: what a stream of submissions
   * looks like. Each evaluation gets one, as a submission does.
   */
  public static List<Applicant> applicants() {
    var applicants = new ArrayList<Applicant>();
    for (int i = 0; i < 16; i++) {
      int age = 15 + (i * 7) % 52;
      applicants.add(
          new Applicant(
              "44030" + (i % 10) + "19900101002X",
              LocalDate.of(2026, 1, 1).minusYears(age),
              age,
              i % 2 == 0 ? "female" : "male",
              TYPES[i % TYPES.length],
              (i % 3 == 0 ? "91330106" : "91440300") + "192185379H",
              DISTRICTS[i % DISTRICTS.length]));
    }
    return List.copyOf(applicants);
  }

  /**
   * Compiles sources straight with Drools' public API, without the platform's engine: the baseline
   * the engine's overhead is measured against.
   *
   * @param sources DRL sources
   * @param name a unique name for the module
   * @return the KieBase
   */
  public static KieBase bareKieBase(List<String> sources, String name) {
    KieServices ks = KieServices.Factory.get();
    ReleaseId releaseId = ks.newReleaseId("org.unionhub.bench", name, "1");
    var kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
    for (int i = 0; i < sources.size(); i++) {
      kfs.write("src/main/resources/bare/part" + i + ".drl", sources.get(i));
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("rules do not compile: " + errors);
    }
    KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
    ks.getRepository().removeKieModule(releaseId);
    return kieBase;
  }

  private static List<String> loadDefaults() {
    var sources = new ArrayList<String>();
    for (String resource : ENROLLMENT.defaultRules()) {
      try (InputStream in = Rules.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing rule resource " + resource);
        }
        sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(sources);
  }
}
