package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.form.FormField;

/**
 * A request's form data: stored with identifiers sealed (docs/adr/0022), opened for the rules and
 * workflow, masked for reading, revealed (audited) to those the module lets.
 */
@ApplicationScoped
public class RequestData {

  /** The platform's one JSON-P provider ({@link org.unionhub.platform.json.Json}). */
  static final jakarta.json.spi.JsonProvider JSON = org.unionhub.platform.json.Json.PROVIDER;

  @Inject ModuleRegistry modules;
  @Inject Visibility visibility;
  @Inject TenantScope scope;
  @Inject Clock clock;
  @Inject ModuleRuntime runtime;
  @Inject Instance<org.unionhub.platform.audit.AuditTrail> audit;
  @Inject org.unionhub.platform.personal.PersonalData personal;

  Submission asSubmission(ServiceRequest request, EffectiveConfig config) {
    return new Submission(
        request.getTenantId(),
        request.getSubmittedBy(),
        LocalDate.now(clock),
        storedData(request),
        config.settingValues());
  }

  /** A request's form data, sealed values opened, values as text, in field order. */
  Map<String, String> storedData(ServiceRequest request) {
    var values = new LinkedHashMap<String, String>();
    JsonObject json = JSON.createReader(new StringReader(request.getData())).readObject();
    json.forEach((k, v) -> values.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    return personal.open(values);
  }

  /** The form fields stored sealed: ID and mobile numbers (docs/adr/0022). */
  static Set<String> sealedFields(EffectiveConfig config) {
    var sealed = new java.util.HashSet<String>();
    for (EffectiveConfig.EffectiveField f : config.fields()) {
      if (org.unionhub.platform.personal.PersonalData.SEALED_TYPES.contains(f.field().type())) {
        sealed.add(f.field().name());
      }
    }
    return sealed;
  }

  /**
   * The form data unmasked, for a caller whose role holds the module's {@link
   * org.unionhub.sdk.Permission#REVEAL_IDENTIFIERS} permission and who handles the request's
   * tenant. The reveal is audited.
   *
   * @param caller the caller
   * @param request a request the caller may see
   * @return the data as submitted
   * @throws NotAllowedException when the caller may not reveal it
   */
  @Transactional
  public Map<String, String> revealedData(Caller caller, ServiceRequest request) {
    var permission =
        modules
            .find(request.getModule())
            .map(m -> m.descriptor().permission(org.unionhub.sdk.Permission.REVEAL_IDENTIFIERS))
            .orElse(null);
    if (permission == null
        || !permission.heldBy(caller.roles())
        || !visibility.requestScope(caller).contains(request.getTenantId())) {
      throw new NotAllowedException("revealing identifiers needs the module's permission");
    }
    scope.limitTo(visibility.requestScope(caller), caller.username());
    Map<String, String> values = storedData(request);
    if (audit.isResolvable()) {
      audit
          .get()
          .record(
              caller.username(),
              request.getTenantId(),
              "request:" + request.getId(),
              "reveal-identifiers",
              null,
              null);
    }
    return values;
  }

  /**
   * The form data as the caller may see it: identifiers masked.
   *
   * @param request a request
   * @return the data with ID numbers masked
   */
  public Map<String, String> maskedData(ServiceRequest request) {
    EffectiveConfig config =
        modules
            .find(request.getModule())
            .map(m -> runtime.effective(request.getTenantId(), m))
            .orElse(null);
    var result = new LinkedHashMap<String, String>();
    storedData(request)
        .forEach(
            (k, value) -> {
              FormField field =
                  config == null
                      ? null
                      : config.fields().stream()
                          .filter(f -> f.name().equals(k))
                          .map(EffectiveConfig.EffectiveField::field)
                          .findFirst()
                          .orElse(null);
              boolean secret =
                  field == null || field.type() == org.unionhub.sdk.form.FieldType.ID_NUMBER;
              boolean mobile =
                  field != null && field.type() == org.unionhub.sdk.form.FieldType.MOBILE;
              result.put(
                  k,
                  secret
                      ? org.unionhub.platform.personal.Masks.idNumber(value)
                      : mobile ? org.unionhub.platform.personal.Masks.mobile(value) : value);
            });
    return result;
  }

  static String toJson(Map<String, String> values) {
    var builder = JSON.createObjectBuilder();
    values.forEach(builder::add);
    return builder.build().toString();
  }
}
