package org.unionhub.loadtest;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The workloads the harness knows, by name. Add new ones to {@link #ALL}. */
public final class Scenarios {

  private Scenarios() {}

  /** Durable enrollment submissions by workers (201 each). */
  static final class Submit implements Scenario {
    @Override
    public String name() {
      return "submit";
    }

    @Override
    public String operationDescription() {
      return "POST an enrollment request (201, committed)";
    }

    @Override
    public void prepare(Api api) {
      for (String w : Enrollment.WORKERS) {
        api.token(w);
      }
    }

    @Override
    public void operation(Api api, int client, long n) {
      Enrollment.submit(api, client);
    }
  }

  /** A worker submits, then the district's staff approve it with If-Match. */
  static final class SubmitAndApprove implements Scenario {
    @Override
    public String name() {
      return "pair";
    }

    @Override
    public String operationDescription() {
      return "POST an enrollment request, then POST its approval with If-Match (201 + 200)";
    }

    @Override
    public void prepare(Api api) {
      new Submit().prepare(api);
      api.token(Enrollment.STAFF);
    }

    @Override
    public void operation(Api api, int client, long n) {
      JsonObject created = Enrollment.submit(api, client).json();
      String id = created.getString("id");
      int version = created.getInt("version");
      Api.Answer a =
          api.post(
              Enrollment.STAFF,
              "requests/" + id + "/transitions",
              "{\"action\":\"approve\",\"comment\":\"load test\"}",
              "If-Match",
              "\"" + version + "\"");
      Scenario.expect("approval", a, 200);
    }
  }

  /**
   * Worklist pages of requests still to be handled: even clients as a district's staff (their
   * district and the grassroots unions below), odd ones as a city's admin (the whole city).
   */
  static final class Worklist implements Scenario {
    @Override
    public String name() {
      return "worklist";
    }

    @Override
    public String operationDescription() {
      return "GET a worklist page of 50 open requests (ft-staff on gd-sz-ft, sz-admin on gd-sz)";
    }

    @Override
    public void prepare(Api api) {
      api.token("ft-staff");
      api.token("sz-admin");
    }

    @Override
    public void operation(Api api, int client, long n) {
      String path =
          client % 2 == 0
              ? "tenants/gd-sz-ft/requests?open=true&limit=50"
              : "tenants/gd-sz/requests?open=true&limit=50";
      Scenario.expect("worklist", api.get(client % 2 == 0 ? "ft-staff" : "sz-admin", path), 200);
    }
  }

  /** The effective configuration of the enrollment module at a grassroots union. */
  static final class EffectiveConfiguration implements Scenario {
    @Override
    public String name() {
      return "config";
    }

    @Override
    public String operationDescription() {
      return "GET the effective enrollment configuration of gd-sz-ft-001 (as ft-admin)";
    }

    @Override
    public void prepare(Api api) {
      api.token("ft-admin");
    }

    @Override
    public void operation(Api api, int client, long n) {
      Scenario.expect(
          "effective configuration",
          api.get("ft-admin", "tenants/" + Enrollment.TENANT + "/modules/enrollment"),
          200);
    }
  }

  /** Survey answers by members, each a (survey, member) pair not answered yet (201 each). */
  static final class SurveyAnswer implements Scenario {
    @Override
    public String name() {
      return "answer";
    }

    @Override
    public String operationDescription() {
      return "POST a member's answer to a survey of four questions (201, committed, once per member)";
    }

    @Override
    public void prepare(Api api) {
      Survey.prepare(api);
    }

    @Override
    public void operation(Api api, int client, long n) {
      Survey.answer(api);
    }
  }

  /**
   * The fixed cost of any API call, as a floor for the others: the bearer-token check, JAX-RS and
   * JSON, and no database — the list of unions comes from the tenant tree held in memory. What a
   * node answers here per second bounds every call that also does work.
   */
  static final class Floor implements Scenario {
    @Override
    public String name() {
      return "floor";
    }

    @Override
    public String operationDescription() {
      return "GET the list of unions as a worker (token check, JAX-RS, JSON; no database)";
    }

    @Override
    public void prepare(Api api) {
      api.token(Enrollment.WORKERS[0]);
    }

    @Override
    public void operation(Api api, int client, long n) {
      Scenario.expect("tenants", api.get(Enrollment.WORKERS[0], "tenants"), 200);
    }
  }

  /** Every scenario by name, in the order `all` runs them. */
  public static final Map<String, Scenario> ALL = new LinkedHashMap<>();

  static {
    for (Scenario s :
        new Scenario[] {
          // Pairs before submissions: submissions alone leave open requests behind (load.sh).
          new SubmitAndApprove(),
          new Submit(),
          new Worklist(),
          new EffectiveConfiguration(),
          new SurveyAnswer(),
          new Floor()
        }) {
      ALL.put(s.name(), s);
    }
  }
}
