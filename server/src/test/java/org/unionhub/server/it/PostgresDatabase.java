package org.unionhub.server.it;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A database of its own for one test run on the real PostgreSQL, owned by a fresh non-superuser
 * role that the application connects as. Dropped, with the role, at the end of the run.
 */
final class PostgresDatabase {

  static final String HOST = System.getProperty("unionhub.it.pg.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("unionhub.it.pg.port", 5432);
  private static final String ADMIN = System.getProperty("unionhub.it.pg.admin", "postgres");
  private static final String ADMIN_PASSWORD =
      System.getProperty("unionhub.it.pg.admin-password", "");

  final String name;

  /** Owns the database and the schema; Liquibase runs as this role. */
  final String role;

  final String password;

  /** What the application connects as: owns nothing, NOBYPASSRLS. */
  final String appRole;

  private PostgresDatabase(String name, String password) {
    this.name = name;
    this.role = name;
    this.password = password;
    this.appRole = name + "_app";
  }

  String url() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  /**
   * A connection as the owner, with the platform-wide scope of the row-level policies, for tests
   * that check what was stored.
   */
  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url(), role, password);
    try (Statement s = c.createStatement()) {
      s.execute("SET unionhub.tenants = '*'");
    }
    return c;
  }

  /** A connection as the application role, with no tenant scope set. */
  Connection connectAsApplication() throws SQLException {
    return DriverManager.getConnection(url(), appRole, password);
  }

  /**
   * The whole database as {@code pg_dump} writes it (plain SQL, data included), read as the
   * superuser so that row-level security hides nothing.
   */
  String dump() {
    try {
      var pb =
          new ProcessBuilder(
                  "pg_dump", "-h", HOST, "-p", String.valueOf(PORT), "-U", ADMIN, "-d", name)
              .redirectErrorStream(false);
      pb.environment().put("PGPASSWORD", ADMIN_PASSWORD);
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      String err =
          new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("pg_dump failed: " + err);
      }
      return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("pg_dump is needed (Debian: postgresql-client): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static PostgresDatabase create() {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String suffix = HexFormat.of().formatHex(random);
    var db = new PostgresDatabase("unionhub_it_" + suffix, "pw_" + suffix);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE ROLE "
              + db.role
              + " LOGIN PASSWORD '"
              + db.password
              + "'"
              + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
      s.execute(
          "CREATE ROLE "
              + db.appRole
              + " LOGIN PASSWORD '"
              + db.password
              + "'"
              + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
      s.execute("CREATE DATABASE " + db.name + " OWNER " + db.role + " ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test database: " + e.getMessage(), e);
    }
    return db;
  }

  void drop() {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("DROP ROLE IF EXISTS " + appRole);
      s.execute("DROP ROLE IF EXISTS " + role);
    } catch (SQLException e) {
      System.err.println("could not drop test database " + name + ": " + e.getMessage());
    }
  }

  private static Connection admin() throws SQLException {
    String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    try {
      return DriverManager.getConnection(url, ADMIN, ADMIN_PASSWORD);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at "
              + HOST
              + ":"
              + PORT
              + " as "
              + ADMIN
              + " ("
              + e.getMessage()
              + "). The integration tests need it and never skip. Start it with:\n"
              + "    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
              + "or point the tests elsewhere with -Dunionhub.it.pg.host=... -Dunionhub.it.pg.port=..."
              + " -Dunionhub.it.pg.admin=... -Dunionhub.it.pg.admin-password=...",
          e);
    }
  }
}
