package org.unionhub.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.unionhub.testkit.fixture.InvalidModules;

class ModuleValidationTest {

  @Test
  void invalidDescriptorIsReportedByFactoryNameWithEveryProblem() {
    assertThatThrownBy(() -> ModuleTestKit.of(new InvalidModules.BrokenDescriptor()))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageContaining(InvalidModules.BrokenDescriptor.class.getName())
        .hasMessageContaining("initial state 'nowhere' is not a declared state")
        .hasMessageContaining("form field 'topic' is declared twice");
  }

  @Test
  void descriptorThatCannotBeBuiltIsReportedWithTheCause() {
    assertThatThrownBy(() -> ModuleTestKit.of(new InvalidModules.UnreadableDescriptor()))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageContaining("its descriptor could not be read")
        .hasMessageContaining("form definition file is missing");
  }

  @Test
  void defaultRulesThatDoNotCompileAreReportedWithTheirPosition() {
    assertThatThrownBy(() -> ModuleTestKit.of(new InvalidModules.UncompilableRules()))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageContaining(InvalidModules.UncompilableRules.class.getName())
        .hasMessageContaining("default rules do not compile, line 7")
        .hasMessageContaining("Complaint");
  }

  @Test
  void missingRuleResourceIsReported() {
    assertThatThrownBy(() -> ModuleTestKit.of(new InvalidModules.MissingRules()))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageContaining("missing rule resource org/unionhub/testkit/fixture/missing.drl");
  }

  @Test
  void factoryMissingFromTheServicesFileIsReported() {
    assertThatThrownBy(() -> ModuleTestKit.of(new InvalidModules.Unlisted()))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "not listed in META-INF/services/org.unionhub.sdk.ServiceModuleFactory");
  }
}
