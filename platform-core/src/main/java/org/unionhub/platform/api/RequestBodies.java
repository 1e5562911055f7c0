package org.unionhub.platform.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request bodies of the platform's operations as they appear in the OpenAPI document. The
 * resources read bodies as JSON objects, so that they can report every problem of a body at once;
 * these types only describe them (the hostile-input test generates its requests from them).
 */
final class RequestBodies {

  private RequestBodies() {}

  /** A new union. */
  @Schema(name = "NewTenant")
  record NewTenant(
      @Schema(required = true, maxLength = 64, pattern = "^[a-z0-9][a-z0-9-]*$") String code,
      @Schema(required = true, maxLength = 200) String name,
      @Schema(
              required = true,
              enumeration = {
                "national",
                "provincial",
                "municipal",
                "district",
                "grassroots",
                "industry"
              })
          String level,
      @Schema(required = true, maxLength = 64) String parent,
      @Schema(
              maxLength = 18,
              pattern = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$",
              description = "a grassroots union's employer: unified social credit code")
          String creditCode) {}

  /** A change to a union; absent fields stay as they are. */
  @Schema(name = "TenantChange", minProperties = 1)
  record TenantChange(
      @Schema(maxLength = 200) String name,
      @Schema(maxLength = 64) String parent,
      Boolean active,
      @Schema(maxLength = 18, description = "the employer's credit code; null removes it")
          String creditCode) {}

  /** A submission: the form's values, as the module's form defines them. */
  @Schema(name = "Submission")
  record Submission(@Schema(required = true, type = SchemaType.OBJECT) Map<String, Object> data) {}

  /** An action on a request. */
  @Schema(name = "Transition")
  record Transition(
      @Schema(required = true, maxLength = 40) String action,
      @Schema(maxLength = 2000) String comment) {}

  /** One day of a national schedule. */
  @Schema(name = "ScheduleEntry")
  record ScheduleEntry(
      @Schema(required = true, format = "date") String date,
      @Schema(
              required = true,
              enumeration = {"HOLIDAY", "WORKDAY"})
          String kind,
      @Schema(required = true, maxLength = 100) String name) {}

  /** A year's national schedule. */
  @Schema(name = "Schedule")
  record Schedule(@Schema(required = true) List<ScheduleEntry> entries) {}

  /** A local holiday. */
  @Schema(name = "NewHoliday")
  record NewHoliday(
      @Schema(required = true, format = "date") String date,
      @Schema(required = true, maxLength = 100) String name) {}
}
