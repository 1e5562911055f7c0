package org.unionhub.platform.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.module.ModuleContexts;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.action.ActionAttempt;
import org.unionhub.sdk.action.ActionEvent;
import org.unionhub.sdk.form.FieldProblem;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemEvent;

/**
 * Calls a module's checks and hooks on items and actions with the platform's context. Checks may
 * refuse; a hook that throws is logged and never undoes the platform's work.
 */
@ApplicationScoped
public class ModuleHooks {

  private static final Logger LOG = Logger.getLogger(ModuleHooks.class.getName());

  @Inject ModuleContexts contexts;
  @Inject ModuleRegistry modules;

  List<FieldProblem> checkItem(ServiceModuleFactory module, Item item) {
    return call(module, m -> m.checkItem(item));
  }

  List<FieldProblem> checkAction(ServiceModuleFactory module, ActionAttempt attempt) {
    return call(module, m -> m.checkAction(attempt));
  }

  void onItem(ModuleItem item, String actor, Instant at) {
    ServiceModuleFactory module = modules.find(item.getModule()).orElse(null);
    if (module != null) {
      Item sdk = ItemService.toSdk(item);
      run(module, m -> m.onItem(new ItemEvent(sdk, actor, at)));
    }
  }

  void onAction(ServiceModuleFactory module, ActionEvent event) {
    run(module, m -> m.onAction(event));
  }

  private <T> T call(ServiceModuleFactory module, Function<ServiceModule, T> check) {
    try (ServiceModule instance = module.create(contexts.of(module))) {
      return check.apply(instance);
    }
  }

  private void run(ServiceModuleFactory module, Consumer<ServiceModule> hook) {
    try (ServiceModule instance = module.create(contexts.of(module))) {
      hook.accept(instance);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "module " + module.getId() + " failed in a hook; the platform's work stands",
          e);
    }
  }
}
