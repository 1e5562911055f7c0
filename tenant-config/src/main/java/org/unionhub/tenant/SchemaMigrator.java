package org.unionhub.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.unionhub.platform.OwnThread;

/** Brings a database to UnionHub's schema with the Liquibase changelog; the only way DDL runs. */
public final class SchemaMigrator {

  /** The master changelog, a class-path resource. */
  public static final String CHANGELOG = "db/changelog/unionhub.xml";

  private SchemaMigrator() {}

  /**
   * Applies every pending changeset.
   *
   * @param dataSource the database, connected as the schema owner
   * @param contexts Liquibase contexts, for example {@code demo}; empty for none
   * @param appRole the role the application connects as; it is granted what it needs
   * @throws SQLException when the database cannot be reached
   * @throws LiquibaseException when a changeset fails
   */
  public static void migrate(DataSource dataSource, String contexts, String appRole)
      throws SQLException, LiquibaseException {
    try (Connection connection = dataSource.getConnection()) {
      migrate(connection, contexts, appRole);
    }
  }

  /**
   * Applies every pending changeset on an open connection.
   *
   * @param connection the connection; left open
   * @param contexts Liquibase contexts
   * @param appRole the role the application connects as
   * @throws LiquibaseException when a changeset fails
   */
  public static void migrate(Connection connection, String contexts, String appRole)
      throws LiquibaseException {
    if (!appRole.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new LiquibaseException(
          "application role name '" + appRole + "' is not a plain SQL name");
    }
    try (var statement = connection.createStatement()) {
      if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        // Migrations act for the platform as a whole: the '*' scope of the row-level policies.
        statement.execute("SET unionhub.tenants = '*'");
      }
    } catch (java.sql.SQLException e) {
      throw new LiquibaseException(e);
    }
    // Liquibase keeps its scope manager in an InheritableThreadLocal it never removes. Left on a
    // pooled server thread, and copied into every thread created from it later, it would hold the
    // application's class loader after an undeploy; so Liquibase runs on a thread of its own.
    OwnThread.call(
        "unionhub-schema-migration",
        () -> {
          try {
            update(connection, contexts, appRole);
          } catch (LiquibaseException e) {
            throw e;
          } catch (Exception e) {
            throw new LiquibaseException(e);
          }
          return null;
        });
  }

  private static void update(Connection connection, String contexts, String appRole)
      throws Exception {
    Database database =
        DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
    Scope.child(
        Map.of(
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader())),
        () ->
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                .addArgumentValue(
                    DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS,
                    parameters(database, appRole))
                .execute());
  }

  private static ChangeLogParameters parameters(Database database, String appRole) {
    var parameters = new ChangeLogParameters(database);
    parameters.set("app_role", appRole);
    return parameters;
  }
}
