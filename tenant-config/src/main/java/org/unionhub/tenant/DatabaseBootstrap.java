package org.unionhub.tenant;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.unionhub.platform.calendar.CalendarLoader;
import org.unionhub.platform.health.PlatformReadiness;
import org.unionhub.platform.request.OpenRequests;

/**
 * Migrates the schema when the application starts (as the schema owner), loads the demo tenants
 * unless {@code unionhub.demo-data=false}, reads the tenant tree and the working calendar into
 * memory, warns in the log about PostgreSQL settings the query plans depend on (autovacuum), marks
 * requests finished that were written before {@code finished_at} existed, then tells readiness.
 */
@ApplicationScoped
public class DatabaseBootstrap {

  private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());

  @Resource(lookup = "java:jboss/datasources/UnionHubMigrationDS")
  DataSource ownerDataSource;

  @Inject PlatformReadiness readiness;
  @Inject JpaTenantDirectory tenants;
  @Inject CalendarLoader calendar;
  @Inject OpenRequests openRequests;

  @Resource ManagedExecutorService executor;

  private static final Duration MARKING_AT_DEPLOYMENT =
      Duration.ofSeconds(Long.getLong("unionhub.open-requests.deployment-seconds", 30));

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    boolean demo = Boolean.parseBoolean(System.getProperty("unionhub.demo-data", "true"));
    long started = System.nanoTime();
    try {
      SchemaMigrator.migrate(
          ownerDataSource, demo ? "demo" : "", System.getProperty("unionhub.db.user", "sa"));
      tenants.reload();
      calendar.reload();
      warnAboutSettings();
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "UnionHub database migration failed; the server stays not ready", e);
      readiness.markFailed("database migration failed: " + e.getMessage());
      return;
    }
    // Requests decided before changelog 0028: marked here, within a budget, so that an upgraded
    // database with millions of them cannot hold the deployment past WildFly's timeout; the rest
    // are marked in the background, and the node reports ready only once they all are.
    Runnable ready =
        () -> {
          readiness.markReady();
          LOG.info(
              () ->
                  String.format(
                      "UnionHub database ready in %d ms (demo data %s)",
                      (System.nanoTime() - started) / 1_000_000, demo ? "on" : "off"));
        };
    try {
      if (openRequests.markFinished(MARKING_AT_DEPLOYMENT).done()) {
        ready.run();
        return;
      }
      LOG.info("Marking the remaining finished requests in the background; not ready until done");
      executor.execute(
          () -> {
            try {
              openRequests.markFinished(null);
              ready.run();
            } catch (RuntimeException e) {
              markingFailed(e);
            }
          });
    } catch (RuntimeException e) {
      markingFailed(e);
    }
  }

  /** Settings the query plans depend on (autovacuum): told in the log, never fatal. */
  private void warnAboutSettings() {
    try (var connection = ownerDataSource.getConnection()) {
      DatabaseSettings.warnings(DatabaseSettings.read(connection)).forEach(LOG::warning);
    } catch (java.sql.SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read PostgreSQL's settings", e);
    }
  }

  private void markingFailed(RuntimeException e) {
    LOG.log(
        Level.SEVERE,
        "Marking requests finished before changelog 0028 failed; the server stays not ready",
        e);
    readiness.markFailed("marking finished requests failed: " + e.getMessage());
  }
}
