package org.unionhub.tenant.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A published configuration layer of one tenant and module. Never changed once written. */
@Entity
@Immutable
@Table(name = "config_version")
public class ConfigVersion {

  @Id
  @SequenceGenerator(
      name = "config_version",
      sequenceName = "config_version_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "config_version")
  private Integer id;

  @Column(name = "tenant_code", nullable = false, length = 64)
  private String tenantCode;

  @Column(nullable = false, length = 40)
  private String module;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false)
  private String document;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, length = 100)
  private String publishedBy;

  @Column(length = 500)
  private String note;

  @Column(name = "restored_from")
  private Integer restoredFrom;

  /** Commit order among all versions, set by the database (changelog 0025); null before it. */
  @Column(name = "change_seq", insertable = false, updatable = false)
  private Long changeSeq;

  protected ConfigVersion() {}

  ConfigVersion(
      String tenantCode,
      String module,
      int number,
      String document,
      Instant publishedAt,
      String publishedBy,
      String note,
      Integer restoredFrom) {
    this.tenantCode = tenantCode;
    this.module = module;
    this.number = number;
    this.document = document;
    this.publishedAt = publishedAt;
    this.publishedBy = publishedBy;
    this.note = note;
    this.restoredFrom = restoredFrom;
  }

  public Integer getId() {
    return id;
  }

  public String getTenantCode() {
    return tenantCode;
  }

  public String getModule() {
    return module;
  }

  public int getNumber() {
    return number;
  }

  public String getDocument() {
    return document;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public String getNote() {
    return note;
  }

  public Integer getRestoredFrom() {
    return restoredFrom;
  }
}
