package org.unionhub.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.unionhub.platform.PlatformProducers;
import org.unionhub.platform.item.ItemService;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.request.ModuleRuntime;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * The service hall (服务大厅): after choosing a union, a member sees every module that union enables,
 * each rendered from its descriptor — its request form, its open items, and what the member already
 * did. No module is named here.
 */
@Named
@ViewScoped
public class HallBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformProducers.ZONE);

  /** An open item as the hall lists it. */
  public record ItemLink(
      String title, String href, String closes, boolean taken, boolean anonymous, String phase)
      implements Serializable {}

  /** One module's tile. */
  public record Tile(
      String id,
      String name,
      String description,
      boolean requests,
      String applyHref,
      List<ItemLink> items,
      boolean hasItems)
      implements Serializable {}

  @Inject Caller caller;
  @Inject ModuleRegistry modules;
  @Inject ModuleRuntime runtime;
  @Inject ItemService items;
  @Inject TenantDirectory tenants;
  @Inject LocaleBean localeBean;

  private String tenant;
  private List<Option> tenantOptions = List.of();
  private List<Tile> tiles = List.of();

  /** Builds the hall for the chosen union (the caller's own by default). */
  public void load() {
    tenantOptions =
        tenants.all().stream()
            .filter(TenantView::active)
            .sorted(
                Comparator.comparing((TenantView t) -> !caller.tenants().contains(t.code()))
                    .thenComparing(TenantView::code))
            .map(t -> new Option(t.code(), t.name()))
            .toList();
    if ((tenant == null || tenant.isBlank() || tenants.find(tenant).isEmpty())
        && !caller.tenants().isEmpty()) {
      tenant = caller.tenants().stream().sorted().findFirst().orElse(null);
    }
    tiles = tenant == null || tenants.find(tenant).isEmpty() ? List.of() : tiles(tenant);
  }

  private List<Tile> tiles(String code) {
    Locale locale = localeBean.getLocale();
    var visible = items.visible(caller, null);
    var result = new ArrayList<Tile>();
    for (ServiceModuleFactory factory : modules.all()) {
      ModuleDescriptor d = factory.descriptor();
      if (!runtime.effective(code, factory).enabled()) {
        continue;
      }
      var links = new ArrayList<ItemLink>();
      for (var v : visible) {
        if (!v.item().getModule().equals(d.id())) {
          continue;
        }
        var phase = items.phase(v.item());
        if (phase == org.unionhub.sdk.item.Phase.DRAFT) {
          continue;
        }
        links.add(
            new ItemLink(
                v.item().getTitle(),
                "/portal/item.xhtml?tenant="
                    + v.item().getTenantId()
                    + "&module="
                    + d.id()
                    + "&id="
                    + v.item().getId(),
                v.item().getClosesAt() == null ? "" : WHEN.format(v.item().getClosesAt()),
                v.taken(),
                v.item().isAnonymous(),
                phase.name()));
      }
      result.add(
          new Tile(
              d.id(),
              d.name().in(locale),
              d.description() == null ? "" : d.description().in(locale),
              d.acceptsRequests(),
              "/portal/apply/" + d.id() + "/" + code,
              links,
              !d.itemKinds().isEmpty()));
    }
    return result;
  }

  /** Another union was chosen. */
  public void tenantChanged() {
    tiles = tenant == null || tenants.find(tenant).isEmpty() ? List.of() : tiles(tenant);
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public List<Option> getTenantOptions() {
    return tenantOptions;
  }

  public List<Tile> getTiles() {
    return tiles;
  }
}
