package org.unionhub.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.unionhub.platform.request.RequestReading;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.security.Caller;

/** A worker's own requests and where they stand. */
@Named
@RequestScoped
public class MineBean {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  /** One of the caller's requests. */
  public static final class Item {
    private final String id;
    private final String module;
    private final String tenant;
    private final String state;
    private final String submitted;

    Item(String id, String module, String tenant, String state, String submitted) {
      this.id = id;
      this.module = module;
      this.tenant = tenant;
      this.state = state;
      this.submitted = submitted;
    }

    public String getId() {
      return id;
    }

    public String getModule() {
      return module;
    }

    public String getTenant() {
      return tenant;
    }

    public String getState() {
      return state;
    }

    public String getSubmitted() {
      return submitted;
    }
  }

  @Inject Caller caller;
  @Inject RequestReading reading;
  @Inject Labels labels;
  @Inject LocaleBean localeBean;

  private List<Item> items;

  public List<Item> getItems() {
    if (items == null) {
      Locale locale = localeBean.getLocale();
      items = reading.mine(caller, 50).stream().map(r -> item(r, locale)).toList();
    }
    return items;
  }

  private Item item(ServiceRequest r, Locale locale) {
    return new Item(
        r.getId().toString(),
        labels.module(r.getModule(), locale),
        labels.tenant(r.getTenantId()),
        labels.state(r.getModule(), r.getState(), locale),
        TIME.format(r.getSubmittedAt()));
  }
}
