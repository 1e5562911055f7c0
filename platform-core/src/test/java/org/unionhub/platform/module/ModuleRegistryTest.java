package org.unionhub.platform.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.fixture.FixtureModuleFactory;
import org.unionhub.platform.fixture.TestContexts;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.workflow.WorkflowDefinition;

class ModuleRegistryTest {

  /** A module whose workflow starts in a state it never declares. */
  static final class BrokenModule implements ServiceModuleFactory {
    @Override
    public ModuleDescriptor descriptor() {
      return ModuleDescriptor.builder("broken")
          .version("1")
          .name(LocalizedText.of("坏模块", "Broken"))
          .requests(List.of(), new WorkflowDefinition("nowhere", List.of(), List.of()))
          .build();
    }

    @Override
    public ServiceModule create(ModuleContext context) {
      return submission -> List.of();
    }
  }

  @Test
  void discoversTheModulesListedOnTheClassPath() {
    var registry = ModuleRegistry.discover(getClass().getClassLoader(), TestContexts.standalone());
    assertThat(registry.find("fixture")).isPresent();
    assertThat(registry.refusals()).isEmpty();
  }

  @Test
  void aModuleWithAnInvalidDescriptorIsRefusedByNameAndTheOthersLoad() {
    var registry =
        new ModuleRegistry(
            List.of(new BrokenModule(), new FixtureModuleFactory()),
            List.of(),
            TestContexts.standalone());
    assertThat(registry.find("fixture")).isPresent();
    assertThat(registry.find("broken")).isEmpty();
    assertThat(registry.refusals())
        .singleElement()
        .asString()
        .contains(BrokenModule.class.getName())
        .contains("initial state 'nowhere'");
  }
}
