package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;

/**
 * A {@link FieldType#DISTRICT} field must name an active district union: routing sends the
 * application there, so an unknown one is refused on its field before anything is stored.
 */
@ApplicationScoped
public class DistrictFieldCheck implements RequestParticipant {

  @Inject TenantDirectory tenants;

  @Override
  public List<FieldError> checkSubmission(ModuleDescriptor module, Map<String, String> values) {
    var problems = new ArrayList<FieldError>();
    for (FormField field : module.form()) {
      String value = values.get(field.name());
      if (field.type() != FieldType.DISTRICT || value == null || value.isBlank()) {
        continue;
      }
      boolean district =
          tenants
              .find(value.strip())
              .filter(t -> t.active() && t.level() == TenantLevel.DISTRICT)
              .isPresent();
      if (!district) {
        problems.add(
            new FieldError(
                field.name(),
                "UNKNOWN_DISTRICT",
                ProblemText.of("request.no-active-district-union-has-this")));
      }
    }
    return problems;
  }
}
