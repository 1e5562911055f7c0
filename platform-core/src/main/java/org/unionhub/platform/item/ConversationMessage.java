package org.unionhub.platform.item;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/** One message of a conversation on a request, numbered from 1 without gaps. */
@Entity
@Table(name = "conversation_message")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class ConversationMessage {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "subject_id", nullable = false, updatable = false)
  private UUID subjectId;

  @Column(nullable = false, updatable = false)
  private long seq;

  @Column(nullable = false, updatable = false)
  private String author;

  @Column(name = "author_role", nullable = false, updatable = false)
  private String authorRole;

  @Column(nullable = false, updatable = false)
  private String body;

  @Column(name = "written_at", nullable = false, updatable = false)
  private Instant writtenAt;

  protected ConversationMessage() {}

  public ConversationMessage(
      String tenantId,
      UUID subjectId,
      long seq,
      String author,
      String authorRole,
      String body,
      Instant writtenAt) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.subjectId = subjectId;
    this.seq = seq;
    this.author = author;
    this.authorRole = authorRole;
    this.body = body;
    this.writtenAt = writtenAt;
  }

  public UUID getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public UUID getSubjectId() {
    return subjectId;
  }

  public long getSeq() {
    return seq;
  }

  public String getAuthor() {
    return author;
  }

  public String getAuthorRole() {
    return authorRole;
  }

  public String getBody() {
    return body;
  }

  public Instant getWrittenAt() {
    return writtenAt;
  }
}
