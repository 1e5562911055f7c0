package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The second wall: connected as the application's own role, raw SQL sees and changes only the rows
 * of the tenant scope set for the transaction — nothing at all without one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RowLevelSecurityIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private String futianRequest;

  @BeforeEach
  void aRequestInFutianAndOneInNanshan() {
    var ft =
        Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            "worker1",
            Api.enrollment("韩梅", Api.idNumber(LocalDate.now().minusYears(31), 611)));
    assertThat(ft.status()).isEqualTo(201);
    futianRequest = ft.json().getString("id");
    var ns =
        Api.post(
            "/api/v1/tenants/gd-sz-ns-001/modules/enrollment/requests",
            "worker2",
            Api.enrollment("李雷", Api.idNumber(LocalDate.now().minusYears(32), 612)));
    assertThat(ns.status()).isEqualTo(201);
  }

  private static long count(Statement s, String where) throws SQLException {
    try (var rs = s.executeQuery("select count(*) from service_request" + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void withoutAScopeTheApplicationRoleSeesNothing() throws Exception {
    try (Connection owner = TestStack.database().connect();
        Statement s = owner.createStatement()) {
      assertThat(count(s, "")).isPositive();
    }
    try (Connection app = TestStack.database().connectAsApplication();
        Statement s = app.createStatement()) {
      assertThat(count(s, "")).isZero();
      try (var rs = s.executeQuery("select count(*) from request_transition")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void aDistrictScopeSeesItsOwnRowsAndCannotTouchASiblingsRows() throws Exception {
    try (Connection app = TestStack.database().connectAsApplication()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        s.execute("select set_config('unionhub.tenants', 'gd-sz-ns,gd-sz-ns-001', true)");
        assertThat(count(s, " where tenant_id = 'gd-sz-ns-001'")).isPositive();
        assertThat(count(s, " where tenant_id like 'gd-sz-ft%'")).isZero();
        assertThat(
                s.executeUpdate(
                    "update service_request set state = 'approved' where tenant_id = 'gd-sz-ft-001'"))
            .isZero();
        assertThat(s.executeUpdate("delete from request_timer where tenant_id = 'gd-sz-ft-001'"))
            .isZero();
        assertThatThrownBy(
                () ->
                    s.executeUpdate(
                        "insert into request_transition (id, request_id, tenant_id, to_state, action,"
                            + " actor, occurred_at, config_version) values ('"
                            + UUID.randomUUID()
                            + "', '"
                            + futianRequest
                            + "', 'gd-sz-ft-001', 'approved', 'approve', 'intruder', now(), 0)"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("row-level security");
      }
      app.rollback();
    }
  }

  @Test
  void evenInThePlatformsOwnScopeTheApplicationCannotDeleteRequestsHistoryPeopleOrUnions()
      throws Exception {
    for (String table :
        List.of(
            "service_request",
            "request_transition",
            "person",
            "account_erasure",
            "tenant",
            "membership",
            "membership_event",
            "membership_transfer",
            "audit_record")) {
      try (Connection app = TestStack.database().connectAsApplication()) {
        app.setAutoCommit(false);
        try (Statement s = app.createStatement()) {
          s.execute("select set_config('unionhub.tenants', '*', true)");
          assertThatThrownBy(() -> s.executeUpdate("delete from " + table))
              .as(table)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("permission denied");
        } finally {
          app.rollback();
        }
      }
    }
  }

  @Test
  void theApplicationRoleCannotSwitchTheWallOff() throws Exception {
    try (Connection app = TestStack.database().connectAsApplication();
        Statement s = app.createStatement()) {
      assertThatThrownBy(() -> s.execute("alter table service_request disable row level security"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("owner");
    }
  }

  @Test
  void aSubmitterSeesOnlyTheirOwnRequestsWithoutATenantScope() throws Exception {
    try (Connection app = TestStack.database().connectAsApplication()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        s.execute("select set_config('unionhub.user', 'worker2', true)");
        assertThat(count(s, "")).isPositive();
        assertThat(count(s, " where submitted_by <> 'worker2'")).isZero();
      }
      app.rollback();
    }
  }
}
