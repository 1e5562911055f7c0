package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;

/** The tenants a caller may see. */
@Path("/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  @Inject Caller caller;
  @Inject TenantDirectory directory;
  @Inject Visibility visibility;

  /**
   * A tenant in the API.
   *
   * @param code stable code
   * @param name name
   * @param level level, lower case
   * @param parent the parent's code, null for the root
   */
  public record TenantDto(String code, String name, String level, String parent) {
    static TenantDto of(TenantView t) {
      return new TenantDto(
          t.code(), t.name(), t.level().name().toLowerCase(java.util.Locale.ROOT), t.parentCode());
    }
  }

  @GET
  @Operation(
      summary = "Tenants visible to the caller",
      description =
          "Union officers see their tenants and all descendants; workers see the active unions they"
              + " can apply to.")
  public List<TenantDto> list() {
    if (caller.isUnionOfficer()) {
      Set<String> scope = visibility.requestScope(caller);
      return directory.all().stream()
          .filter(t -> scope.contains(t.code()))
          .map(TenantDto::of)
          .toList();
    }
    return directory.all().stream().filter(TenantView::active).map(TenantDto::of).toList();
  }
}
