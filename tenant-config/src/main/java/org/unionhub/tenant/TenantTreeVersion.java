package org.unionhub.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one-row counter of tenant-tree changes. Every change locks it first, which serialises changes
 * to the tree (so two concurrent moves cannot make a cycle between them), and increments it, which
 * tells every node's {@link JpaTenantDirectory} that its copy is stale.
 */
@Entity
@Table(name = "tenant_tree_version")
public class TenantTreeVersion {

  /** The id of the one row. */
  public static final int ID = 1;

  @Id private int id;

  @Column(nullable = false)
  private long version;

  protected TenantTreeVersion() {}

  public long getVersion() {
    return version;
  }

  /** Marks the tree changed. */
  public void increment() {
    version++;
  }
}
