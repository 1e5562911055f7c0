package org.unionhub.server.it;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the first integration test: a fresh PostgreSQL database and role, and a running Keycloak.
 * After the last: both gone. Arquillian starts WildFly itself (arquillian.xml), reading the
 * database and Keycloak coordinates from the system properties set here.
 *
 * <p>Active only where the build set {@code unionhub.it.keycloak.home} (the failsafe run), so that
 * unit tests never pay for it.
 */
public class TestStack implements LauncherSessionListener {

  private static PostgresDatabase database;
  private static PostgresDatabase timersDatabase;
  private static KeycloakServer keycloak;
  private static Mailbox mail;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String keycloakHome = System.getProperty("unionhub.it.keycloak.home");
    if (keycloakHome == null || database != null) {
      return;
    }
    database = PostgresDatabase.create();
    System.setProperty("unionhub.it.db.url", database.url());
    System.setProperty("unionhub.it.db.user", database.appRole);
    System.setProperty("unionhub.it.db.owner", database.role);
    System.setProperty("unionhub.it.db.password", database.password);
    // TimerIT's two extra nodes share a database of their own, so that the main test server's
    // poller never fires their timers.
    timersDatabase = PostgresDatabase.create();
    System.setProperty("unionhub.it.timers-db.url", timersDatabase.url());
    System.setProperty("unionhub.it.timers-db.user", timersDatabase.appRole);
    System.setProperty("unionhub.it.timers-db.owner", timersDatabase.role);
    System.setProperty("unionhub.it.timers-db.password", timersDatabase.password);
    Path logs = Path.of(System.getProperty("unionhub.it.logs", "target/it-logs"));
    // The servers create their key file (docs/adr/0022) on first start; a fresh one per run.
    System.setProperty(
        "unionhub.it.keys.file",
        logs.resolveSibling("it-keys")
            .resolve(Long.toHexString(System.nanoTime()))
            .resolve("unionhub-keys.properties")
            .toAbsolutePath()
            .toString());
    try {
      // A real SMTP server where the demo realm sends its mail (smtpServer: localhost:2525).
      mail = Mailbox.start(Integer.getInteger("unionhub.it.smtp.port", 2525));
      keycloak = KeycloakServer.start(Path.of(keycloakHome), logs);
    } catch (RuntimeException e) {
      if (mail != null) {
        mail.stop();
        mail = null;
      }
      database.drop();
      timersDatabase.drop();
      database = null;
      timersDatabase = null;
      throw e;
    }
    System.setProperty("unionhub.it.keycloak.url", KeycloakServer.url());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (keycloak != null) {
      keycloak.stop();
      keycloak = null;
    }
    if (mail != null) {
      mail.stop();
      mail = null;
    }
    if (database != null) {
      database.drop();
      database = null;
    }
    if (timersDatabase != null) {
      timersDatabase.drop();
      timersDatabase = null;
    }
  }

  /**
   * @return the run's database, for tests that check what was stored
   */
  static PostgresDatabase database() {
    if (database == null) {
      throw new IllegalStateException("TestStack did not run: is this an integration test (*IT)?");
    }
    return database;
  }

  /**
   * Stops Keycloak, runs {@code duringOutage}, and starts Keycloak again on the same realm data.
   *
   * @param duringOutage what to do while Keycloak is down
   */
  static void keycloakOutage(Runnable duringOutage) {
    if (keycloak == null) {
      throw new IllegalStateException("TestStack did not run: is this an integration test (*IT)?");
    }
    keycloak.stop();
    try {
      duringOutage.run();
    } finally {
      keycloak =
          KeycloakServer.resume(
              Path.of(System.getProperty("unionhub.it.keycloak.home")),
              Path.of(System.getProperty("unionhub.it.logs", "target/it-logs")),
              "keycloak-after-outage.log");
    }
  }

  /**
   * @return the SMTP server that receives Keycloak's mail
   */
  static Mailbox mail() {
    if (mail == null) {
      throw new IllegalStateException("TestStack did not run: is this an integration test (*IT)?");
    }
    return mail;
  }

  /**
   * @return the database of TimerIT's two nodes
   */
  static PostgresDatabase timersDatabase() {
    if (timersDatabase == null) {
      throw new IllegalStateException("TestStack did not run: is this an integration test (*IT)?");
    }
    return timersDatabase;
  }
}
