package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The working-day calendar through the API with real tokens: due dates on China's official
 * calendar, a platform admin entering next year's national schedule, tenant admins' local holidays
 * inherited down the tree, and who may do what.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static Api.Answer dueDate(String tenant, String start, int workingDays) {
    var answer =
        Api.get(
            "/api/v1/calendar/due-date?tenant="
                + tenant
                + "&start="
                + start
                + "&workingDays="
                + workingDays,
            "ft-staff");
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer;
  }

  private static JsonObject entry(String date, String kind, String name) {
    return Json.createObjectBuilder().add("date", date).add("kind", kind).add("name", name).build();
  }

  private static JsonObject holiday(String date, String name) {
    return Json.createObjectBuilder().add("date", date).add("name", name).build();
  }

  @Test
  void dueDateSkipsNationalDayAndCountsTheMakeUpSaturday() {
    var answer = dueDate("gd-sz-ft", "2026-09-29", 4);
    assertThat(answer.json().getString("dueDate")).isEqualTo("2026-10-10");
    assertThat(answer.json().getBoolean("calendarIncomplete")).isFalse();
  }

  @Test
  void badParametersAreNamedAndUnknownTenantsAreNotFound() {
    var answer =
        Api.get(
            "/api/v1/calendar/due-date?tenant=gd-sz-ft&start=2026-13-01&workingDays=0", "ft-staff");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.raw()).contains("\"field\":\"start\"").contains("\"field\":\"workingDays\"");
    assertThat(
            Api.get(
                    "/api/v1/calendar/due-date?tenant=nope&start=2026-09-29&workingDays=1",
                    "ft-staff")
                .status())
        .isEqualTo(404);
  }

  @Test
  void aPlatformAdminEntersThe2027ScheduleAndDueDatesAcrossItChange() {
    // Wed 30 Dec 2026 + 3 working days, while 2027 has no schedule: Thu 31, Fri 1 Jan, Mon 4 Jan.
    var before = dueDate("gd-sz-ft", "2026-12-30", 3).json();
    assertThat(before.getString("dueDate")).isEqualTo("2027-01-04");
    assertThat(before.getBoolean("calendarIncomplete")).isTrue();
    assertThat(before.getJsonArray("unscheduledYears").getInt(0)).isEqualTo(2027);
    assertThat(before.getJsonArray("warnings").getJsonObject(0).getString("code"))
        .isEqualTo("NO_NATIONAL_SCHEDULE");
    assertThat(Api.get("/api/v1/calendar/years/2027", "ft-staff").status()).isEqualTo(404);

    var schedule =
        Json.createObjectBuilder()
            .add(
                "entries",
                Json.createArrayBuilder()
                    .add(entry("2027-01-01", "HOLIDAY", "元旦"))
                    .add(entry("2027-02-05", "HOLIDAY", "春节"))
                    .add(entry("2027-02-06", "HOLIDAY", "春节"))
                    .add(entry("2027-02-07", "HOLIDAY", "春节"))
                    .add(entry("2027-02-08", "HOLIDAY", "春节"))
                    .add(entry("2027-02-13", "WORKDAY", "春节调休上班")))
            .build();
    var put =
        Api.put("/api/v1/calendar/years/2027", "platform-admin", schedule, "If-Match", "\"0\"");
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    assertThat(put.json().getInt("version")).isEqualTo(1);
    assertThat(put.etag()).isEqualTo("\"1\"");

    // 元旦 now rests: Thu 31, Mon 4, Tue 5 Jan; and the calendar is complete.
    var after = dueDate("gd-sz-ft", "2026-12-30", 3).json();
    assertThat(after.getString("dueDate")).isEqualTo("2027-01-05");
    assertThat(after.getBoolean("calendarIncomplete")).isFalse();
    // Fri 12 Feb + 1: the make-up Saturday.
    assertThat(dueDate("zj-hz", "2027-02-12", 1).json().getString("dueDate"))
        .isEqualTo("2027-02-13");

    JsonArray years = Api.get("/api/v1/calendar/years", "hz-staff").json().getJsonArray("years");
    assertThat(years.getValuesAs(JsonObject.class).stream().map(y -> y.getInt("year")))
        .containsExactly(2025, 2026, 2027);
    var read = Api.get("/api/v1/calendar/years/2027", "hz-staff");
    assertThat(read.json().getJsonArray("entries")).hasSize(6);
    assertThat(read.etag()).isEqualTo("\"1\"");

    // Someone who loaded the year before this change is told, and changes nothing.
    var stale =
        Api.put("/api/v1/calendar/years/2027", "platform-admin", schedule, "If-Match", "\"0\"");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().getInt("version")).isEqualTo(1);

    // Every mistake at once; nothing is written.
    var wrong =
        Json.createObjectBuilder()
            .add(
                "entries",
                Json.createArrayBuilder()
                    .add(entry("2027-01-01", "HOLIDAY", "元旦"))
                    .add(entry("2026-10-01", "HOLIDAY", "国庆节"))
                    .add(entry("2027-02-11", "WORKDAY", "春节调休上班"))
                    .add(entry("2027-01-01", "HOLIDAY", "元旦"))
                    .add(entry("2027-05-01", "HOLIDAY", " ")))
            .build();
    var refused = Api.put("/api/v1/calendar/years/2027", "platform-admin", wrong);
    assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
    assertThat(
            refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field") + " " + e.getString("code")))
        .containsExactly(
            "entries[1].date OUTSIDE_YEAR",
            "entries[2].date WORKDAY_ON_WEEKDAY",
            "entries[3].date DUPLICATE_DATE",
            "entries[4].name REQUIRED");
    var unchanged = Api.get("/api/v1/calendar/years/2027", "hz-staff");
    assertThat(unchanged.json().getJsonArray("entries")).hasSize(6);
    assertThat(unchanged.json().getInt("version")).isEqualTo(1);
  }

  @Test
  void aCitysLocalHolidayMovesItsDistrictsDueDatesButNotAnotherCitys() {
    var added =
        Api.post("/api/v1/tenants/gd-sz/holidays", "sz-admin", holiday("2027-03-15", "深圳市职工运动会"));
    assertThat(added.status()).as(added.raw()).isEqualTo(201);
    try {
      // Fri 12 Mar + 1 working day.
      assertThat(dueDate("gd-sz-ns", "2027-03-12", 1).json().getString("dueDate"))
          .isEqualTo("2027-03-16");
      assertThat(dueDate("gd-sz-ns-001", "2027-03-12", 1).json().getString("dueDate"))
          .isEqualTo("2027-03-16");
      assertThat(dueDate("zj-hz", "2027-03-12", 1).json().getString("dueDate"))
          .isEqualTo("2027-03-15");

      var listed = Api.get("/api/v1/tenants/gd-sz-ns/holidays?year=2027", "ns-staff");
      assertThat(listed.status()).isEqualTo(200);
      JsonObject h = listed.json().getJsonArray("holidays").getJsonObject(0);
      assertThat(h.getString("date")).isEqualTo("2027-03-15");
      assertThat(h.getString("tenant")).isEqualTo("gd-sz");
      assertThat(h.getString("tenantName")).isEqualTo("深圳市总工会");
      assertThat(h.getBoolean("inherited")).isTrue();

      // A district cannot remove what its city declared.
      var inherited = Api.delete("/api/v1/tenants/gd-sz-ns/holidays/2027-03-15", "ns-admin");
      assertThat(inherited.status()).isEqualTo(409);
      assertThat(inherited.json().getJsonArray("errors").getJsonObject(0).getString("code"))
          .isEqualTo("INHERITED");
    } finally {
      assertThat(Api.delete("/api/v1/tenants/gd-sz/holidays/2027-03-15", "sz-admin").status())
          .isEqualTo(204);
    }
    assertThat(dueDate("gd-sz-ns", "2027-03-12", 1).json().getString("dueDate"))
        .isEqualTo("2027-03-15");
  }

  @Test
  void tenantAdminsReachNeitherTheNationalScheduleNorASiblingsHolidays() {
    var schedule =
        Json.createObjectBuilder()
            .add("entries", Json.createArrayBuilder().add(entry("2028-01-01", "HOLIDAY", "元旦")))
            .build();
    assertThat(Api.put("/api/v1/calendar/years/2028", "sz-admin", schedule).status())
        .isEqualTo(403);
    assertThat(Api.get("/api/v1/calendar/years/2028", "sz-admin").status()).isEqualTo(404);

    var sibling =
        Api.post("/api/v1/tenants/gd-sz-ns/holidays", "ft-admin", holiday("2027-03-17", "x"));
    var otherCity =
        Api.post("/api/v1/tenants/gd-sz/holidays", "hz-admin", holiday("2027-03-17", "x"));
    var noSuchUnion =
        Api.post("/api/v1/tenants/no-such-union/holidays", "ft-admin", holiday("2027-03-17", "x"));
    assertThat(sibling.status()).isEqualTo(404);
    assertThat(otherCity.status()).isEqualTo(404);
    // Nothing tells a union that exists from one that does not.
    assertThat(sibling.raw()).isEqualTo(noSuchUnion.raw()).doesNotContain("gd-sz-ns");
    assertThat(Api.get("/api/v1/tenants/gd-sz-ns/holidays", "worker1").status()).isEqualTo(404);
    assertThat(Api.get("/api/v1/tenants/gd-sz/holidays", "ns-staff").status()).isEqualTo(404);

    var staff =
        Api.post("/api/v1/tenants/gd-sz-ns/holidays", "ns-staff", holiday("2027-03-17", "x"));
    assertThat(staff.status()).isEqualTo(403);
    assertThat(
            Api.get("/api/v1/tenants/gd-sz-ns/holidays", "ns-admin")
                .json()
                .getJsonArray("holidays"))
        .noneMatch(h -> ((JsonObject) h).getString("date").equals("2027-03-17"));

    var refused =
        Api.post("/api/v1/tenants/gd-sz-ns/holidays", "ns-admin", holiday("2027-02-30", ""));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(
            refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> ((JsonString) e.get("field")).getString() + " " + e.getString("code")))
        .containsExactly("date INVALID_DATE", "name REQUIRED");
  }

  @Test
  void localHolidaysAreBehindRowLevelSecurity() throws Exception {
    var added =
        Api.post("/api/v1/tenants/gd-sz/holidays", "sz-admin", holiday("2027-04-06", "深圳市工会活动日"));
    assertThat(added.status()).as(added.raw()).isEqualTo(201);
    try (Connection app = TestStack.database().connectAsApplication()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        assertThat(count(s)).isZero();
        s.execute("select set_config('unionhub.tenants', 'zj,zj-hz', true)");
        assertThat(count(s)).isZero();
        s.execute("select set_config('unionhub.tenants', 'gd-sz,gd', true)");
        assertThat(count(s)).isEqualTo(1);
      }
      app.rollback();
    } finally {
      assertThat(Api.delete("/api/v1/tenants/gd-sz/holidays/2027-04-06", "sz-admin").status())
          .isEqualTo(204);
    }
  }

  private static long count(Statement s) throws Exception {
    try (var rs =
        s.executeQuery("select count(*) from tenant_holiday where calendar_date = '2027-04-06'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
