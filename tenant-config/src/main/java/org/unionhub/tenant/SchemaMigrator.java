package org.unionhub.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings a database to UnionHub's schema with the Liquibase changelog; the only way DDL runs. */
public final class SchemaMigrator {

  /** The master changelog, a class-path resource. */
  public static final String CHANGELOG = "db/changelog/unionhub.xml";

  private SchemaMigrator() {}

  /**
   * Applies every pending changeset.
   *
   * @param dataSource the database, connected as a role that may create tables
   * @param contexts Liquibase contexts, for example {@code demo}; empty for none
   * @throws SQLException when the database cannot be reached
   * @throws LiquibaseException when a changeset fails
   */
  public static void migrate(DataSource dataSource, String contexts)
      throws SQLException, LiquibaseException {
    try (Connection connection = dataSource.getConnection()) {
      migrate(connection, contexts);
    }
  }

  /**
   * Applies every pending changeset on an open connection.
   *
   * @param connection the connection; left open
   * @param contexts Liquibase contexts
   * @throws LiquibaseException when a changeset fails
   */
  public static void migrate(Connection connection, String contexts) throws LiquibaseException {
    Database database =
        DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
    try {
      Scope.child(
          Map.of(
              Scope.Attr.resourceAccessor.name(),
              new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader())),
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                  .execute());
    } catch (LiquibaseException e) {
      throw e;
    } catch (Exception e) {
      throw new LiquibaseException(e);
    }
  }
}
