package org.unionhub.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.unionhub.platform.membership.MembershipService;
import org.unionhub.platform.membership.RegisterExport;
import org.unionhub.platform.personal.Masks;
import org.unionhub.platform.personal.PersonalData;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;

/** The member register of the officer's unions: search, counts and a masked .xlsx export. */
@Named
@ViewScoped
public class MembersBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Caller caller;
  @Inject transient MembershipService memberships;
  @Inject transient PersonalData personal;
  @Inject transient TenantDirectory tenants;
  @Inject LocaleBean locale;

  private String tenant;
  private String query;
  private List<RegisterExport.Row> rows = List.of();
  private long total;

  @PostConstruct
  void init() {
    tenant = caller.tenants().stream().sorted().findFirst().orElse(null);
    search();
  }

  /** Runs the search for the chosen union and query. */
  public void search() {
    if (tenant == null) {
      rows = List.of();
      return;
    }
    rows = load(MembershipService.MAX_PAGE);
    Map<String, Long> counts = memberships.counts(caller, tenant);
    total = counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private List<RegisterExport.Row> load(int limit) {
    var out = new ArrayList<RegisterExport.Row>();
    memberships
        .register(caller, tenant, query, limit)
        .forEach(
            m ->
                out.add(
                    new RegisterExport.Row(
                        m.getMemberNumber(),
                        m.getName(),
                        Masks.idNumber(personal.open("idNumber", m.getIdNumberSealed())),
                        m.getMobileSealed() == null
                            ? ""
                            : Masks.mobile(personal.open("mobile", m.getMobileSealed())),
                        tenants.find(m.getTenantId()).map(TenantView::name).orElse(m.getTenantId()),
                        m.getJoinedOn().toString())));
    return out;
  }

  /**
   * @return the register as .xlsx, ID and mobile numbers masked
   */
  public StreamedContent getExport() {
    boolean english = locale.isEnglish();
    List<String> headers =
        english
            ? List.of("Member number", "Name", "ID number", "Mobile", "Union", "Member since")
            : List.of("会员号", "姓名", "证件号码", "手机号码", "工会", "入会日期");
    var bytes = new ByteArrayOutputStream();
    try {
      RegisterExport.write(headers, load(MembershipService.MAX_EXPORT), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DefaultStreamedContent.builder()
        .name("members-" + tenant + ".xlsx")
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .stream(() -> new ByteArrayInputStream(bytes.toByteArray()))
        .build();
  }

  /**
   * @return the unions the officer belongs to
   */
  public List<Option> getTenantOptions() {
    return caller.tenants().stream()
        .sorted()
        .map(c -> new Option(c, tenants.find(c).map(TenantView::name).orElse(c)))
        .toList();
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<RegisterExport.Row> getRows() {
    return rows;
  }

  public long getTotal() {
    return total;
  }
}
