package org.unionhub.tenant;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.unionhub.platform.calendar.CalendarLoader;
import org.unionhub.platform.health.PlatformReadiness;

/**
 * Migrates the schema when the application starts (as the schema owner), loads the demo tenants
 * unless {@code unionhub.demo-data=false}, reads the tenant tree and the working calendar into
 * memory, then tells readiness.
 */
@ApplicationScoped
public class DatabaseBootstrap {

  private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());

  @Resource(lookup = "java:jboss/datasources/UnionHubMigrationDS")
  DataSource ownerDataSource;

  @Inject PlatformReadiness readiness;
  @Inject JpaTenantDirectory tenants;
  @Inject CalendarLoader calendar;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    boolean demo = Boolean.parseBoolean(System.getProperty("unionhub.demo-data", "true"));
    long started = System.nanoTime();
    try {
      SchemaMigrator.migrate(
          ownerDataSource, demo ? "demo" : "", System.getProperty("unionhub.db.user", "sa"));
      tenants.reload();
      calendar.reload();
      readiness.markReady();
      LOG.info(
          () ->
              String.format(
                  "UnionHub database ready in %d ms (demo data %s)",
                  (System.nanoTime() - started) / 1_000_000, demo ? "on" : "off"));
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "UnionHub database migration failed; the server stays not ready", e);
      readiness.markFailed("database migration failed: " + e.getMessage());
    }
  }
}
