package io.firedrill.kit.rollback;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

/** The shop's two databases, fresh and empty for each check. */
public final class Databases {

	private Databases() {
	}

	/** The databases rollback-check knows. */
	public enum Kind {

		/** The shop's embedded database, in the mode the shop runs it. */
		H2("h2", "H2 (MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH)"),
		/** A real PostgreSQL server, the production database. */
		POSTGRES("postgres", "PostgreSQL (embedded server)");

		private final String id;

		private final String label;

		Kind(String id, String label) {
			this.id = id;
			this.label = label;
		}

		public String id() {
			return this.id;
		}

		public String label() {
			return this.label;
		}

		public static Kind of(String id) {
			for (Kind kind : values()) {
				if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
					return kind;
				}
			}
			throw new IllegalArgumentException(id);
		}

	}

	/** A running database; closing it throws it away. */
	public interface Running extends AutoCloseable {

		DataSource dataSource();

		/** What it is, with its version. */
		String describe();

		@Override
		void close();

	}

	/** A started database: how to reach it, what it is, and how to throw it away. */
	private record Started(DataSource dataSource, String describe, Runnable discard) implements Running {

		@Override
		public void close() {
			this.discard.run();
		}

	}

	/**
	 * Starts a fresh database. H2 runs in PostgreSQL mode as the shop configures it, without DATABASE_TO_LOWER
	 * (Liquibase 4 mishandles it); PostgreSQL is a real server (zonky's embedded binaries) in a temporary directory.
	 */
	public static Running start(Kind kind) {
		return (kind == Kind.H2) ? h2() : postgres();
	}

	private static Running h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:rollback-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		dataSource.setPassword("");
		String version = version(dataSource);
		return new Started(dataSource, "H2 " + version + " (MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH)", () -> {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				// an in-memory database: gone with the JVM anyway
			}
		});
	}

	private static Running postgres() {
		EmbeddedPostgres server;
		try {
			server = EmbeddedPostgres.builder().start();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("cannot start the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
		DataSource dataSource = server.getPostgresDatabase();
		String version = version(dataSource);
		return new Started(dataSource, "PostgreSQL " + version + " (embedded server)", () -> {
			try {
				server.close();
			}
			catch (IOException ex) {
				// its temporary directory is the OS's to clean
			}
		});
	}

	private static String version(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot connect to the fresh database: " + ex.getMessage(), ex);
		}
	}

}
