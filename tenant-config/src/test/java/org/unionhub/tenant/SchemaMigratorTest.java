package org.unionhub.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The changelog in memory on H2, a quick check without a server that every portable changeset
 * applies and twice is a no-op; the PostgreSQL-only ones (row-level security, grants) run in every
 * integration test (ADR 13).
 */
class SchemaMigratorTest {

  @Test
  void theChangelogBuildsTheSchemaWithTheDemoTenantsOnH2() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url, "sa", "sa")) {
      SchemaMigrator.migrate(c, "demo", "sa");
      SchemaMigrator.migrate(c, "demo", "sa");
      try (Statement s = c.createStatement()) {
        assertThat(count(s, "select count(*) from tenant")).isEqualTo(10);
        assertThat(count(s, "select version from tenant_tree_version where id = 1")).isEqualTo(1);
        s.execute(
            "insert into audit_record (id, occurred_at, actor, tenant_code, subject, action,"
                + " before_json, after_json) values (random_uuid(), current_timestamp, 'sz-admin',"
                + " 'gd-sz-ns', 'tenant', 'create', null, '{\"code\":\"gd-sz-ns-002\"}')");
        try (ResultSet rs = s.executeQuery("select after_json from audit_record")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("{\"code\":\"gd-sz-ns-002\"}");
        }
        assertThat(count(s, "select count(*) from group_sync")).isZero();
      }
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
