package org.unionhub.platform.config;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.unionhub.platform.security.Caller;

/**
 * Port: administering tenants' module configurations — drafts, publishing, versions, push-down,
 * export and import. Implemented by tenant-config; used by the REST API and the admin console.
 * Every method checks the caller: officers read within their scope, tenant admins write their
 * tenant and its descendants; a tenant outside the caller's scope is reported as not found.
 */
public interface ConfigurationAdmin {

  /**
   * A tenant's own layer for editing: its draft, or its published layer when it has no draft.
   *
   * @param tenant the tenant
   * @param isDraft whether it is an unpublished draft
   * @param basedOn the published version number it starts from, 0 when none
   * @param layer the layer
   * @param check the effective configuration it gives and its problems
   */
  record Editable(
      String tenant,
      boolean isDraft,
      int basedOn,
      ConfigLayer layer,
      ConfigResolver.Resolution check) {}

  /**
   * A published version.
   *
   * @param tenant the tenant
   * @param module the module
   * @param number its number within the tenant and module
   * @param versionId its platform-wide id, recorded on requests
   * @param publishedAt when
   * @param publishedBy who
   * @param note why, or null
   * @param restoredFrom the number it restores, or null
   * @param document the layer as JSON text
   */
  record VersionInfo(
      String tenant,
      String module,
      int number,
      int versionId,
      Instant publishedAt,
      String publishedBy,
      String note,
      Integer restoredFrom,
      String document) {}

  /**
   * One difference between two layers.
   *
   * @param path the item
   * @param change {@code added}, {@code removed} or {@code changed}
   * @param before the value before, or null
   * @param after the value after, or null
   */
  record Change(String path, String change, String before, String after) {}

  /**
   * A descendant a push would change.
   *
   * @param tenant the descendant
   * @param items the items of its own layer the push removes, so that it inherits them
   */
  record PushChange(String tenant, List<String> items) {}

  /**
   * A push in progress or done.
   *
   * @param id the job's id
   * @param tenant the tenant pushing
   * @param module the module
   * @param total how many descendants change
   * @param done how many are done
   * @param state {@code running}, {@code done} or {@code failed}
   * @param failures descendants whose new version could not be published, with why
   * @param reached descendants the push has changed (or found with nothing left to change); with
   *     {@code failures}, exactly the descendants handled so far
   */
  record PushStatus(
      String id,
      String tenant,
      String module,
      int total,
      int done,
      String state,
      List<String> failures,
      List<String> reached) {}

  /**
   * @param caller the caller
   * @param tenant a tenant
   * @return whether the caller administers it
   */
  boolean mayAdminister(Caller caller, String tenant);

  /**
   * @param caller the caller
   * @param tenant a tenant
   * @return every module's effective configuration
   */
  List<EffectiveConfig> effectiveModules(Caller caller, String tenant);

  /**
   * @param caller the caller
   * @param tenant a tenant
   * @param module a module
   * @return its effective configuration
   */
  EffectiveConfig effective(Caller caller, String tenant, String module);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @return what the admin edits
   */
  Editable editable(Caller caller, String tenant, String module);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @param layer the layer as JSON
   * @return the saved draft; malformed JSON is refused with {@link ConfigRefusedException}
   */
  Editable saveDraft(Caller caller, String tenant, String module, JsonObject layer);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @param layer the layer
   * @param blocking which problems refuse the save
   * @return the saved draft
   */
  Editable saveDraftChecked(
      Caller caller,
      String tenant,
      String module,
      ConfigLayer layer,
      Predicate<ConfigProblem> blocking);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   */
  void discardDraft(Caller caller, String tenant, String module);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @param note why, or null
   * @return the new version; {@link ConfigRefusedException} with every problem otherwise
   */
  VersionInfo publish(Caller caller, String tenant, String module, String note);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @param number the version to restore
   * @return the new version
   */
  VersionInfo rollback(Caller caller, String tenant, String module, int number);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @return the versions, newest first
   */
  List<VersionInfo> versions(Caller caller, String tenant, String module);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @param number a version
   * @return that version
   */
  VersionInfo version(Caller caller, String tenant, String module, int number);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @param number the older version
   * @param against the newer version, or null for the draft
   * @return the changes
   */
  List<Change> diff(Caller caller, String tenant, String module, int number, Integer against);

  /**
   * @param caller an admin
   * @param tenant the tenant pushing
   * @param module the module
   * @return the descendants a push changes
   */
  List<PushChange> pushPreview(Caller caller, String tenant, String module);

  /**
   * @param caller an admin
   * @param tenant the tenant pushing
   * @param module the module
   * @param lock whether to lock the pushed items
   * @return the job
   */
  PushStatus startPush(Caller caller, String tenant, String module, boolean lock);

  /**
   * @param caller an admin of the pushing tenant
   * @param id the job's id
   * @return its status
   */
  PushStatus push(Caller caller, String id);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @param module the module
   * @param extra rules to test instead of the draft's, or an empty layer
   * @return one result per scenario
   */
  List<ScenarioResult> testScenarios(
      Caller caller, String tenant, String module, ConfigLayer.RuleLayer extra);

  /**
   * @param caller an admin
   * @param tenant the tenant
   * @return the export document
   */
  JsonObject export(Caller caller, String tenant);

  /**
   * @param caller an admin
   * @param tenant the target tenant
   * @param file the export document
   * @return the versions published
   */
  List<VersionInfo> importFile(Caller caller, String tenant, JsonObject file);
}
