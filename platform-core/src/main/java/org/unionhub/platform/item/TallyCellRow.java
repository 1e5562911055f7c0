package org.unionhub.platform.item;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * One stripe of a tally's cell: written only by {@link ActionService}'s UPSERT in the action's
 * transaction, read through this entity; a cell is the sum of its stripes.
 */
@Entity
@Table(name = "tally_cell")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class TallyCellRow {

  /** The cell's key. */
  @Embeddable
  public record Key(
      @Column(name = "target_id") UUID targetId,
      @Column(name = "tally") String tally,
      @Column(name = "cell_key") String cellKey,
      @Column(name = "stripe") short stripe)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "cell_count", nullable = false)
  private long cellCount;

  @Column(name = "cell_sum", nullable = false)
  private BigDecimal cellSum;

  protected TallyCellRow() {}

  public Key getKey() {
    return key;
  }

  public String getTenantId() {
    return tenantId;
  }

  public long getCount() {
    return cellCount;
  }

  public BigDecimal getSum() {
    return cellSum;
  }
}
