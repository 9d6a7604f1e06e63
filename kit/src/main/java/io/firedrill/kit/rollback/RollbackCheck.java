package io.firedrill.kit.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.migration.Changelogs;

/**
 * Can the code be rolled back from a newer release to an older one, with the newer release's schema staying (a
 * migration that ran is not undone by a rollback)? For each database: apply the newer release's changelog to a
 * fresh database, let the newer release's own repositories write a few rows, start the older release's Liquibase
 * on it (as the older release does when it boots), then run the older release's own repositories against it:
 * their inserts, reads of both releases' rows, and updates. Safe when the database refuses none of it.
 */
public final class RollbackCheck {

	private RollbackCheck() {
	}

	/**
	 * What happened on one database.
	 * @param database what it was, with its version
	 * @param setupError why the check could not run there, or {@code null}
	 * @param changesets how many changesets the newer release's changelog applied
	 * @param newerWrites the newer release's writes
	 * @param olderStart why the older release's Liquibase refused the database, or {@code null} when it started
	 * @param olderCalls the older release's calls
	 */
	public record DatabaseVerdict(Databases.Kind kind, String database, String setupError, int changesets,
			List<PersistenceProbe.Call> newerWrites, String olderStart, List<PersistenceProbe.Call> olderCalls) {

		public boolean inconclusive() {
			return this.setupError != null || (this.olderStart == null && this.olderCalls.stream()
				.noneMatch((call) -> call.outcome() != PersistenceProbe.Outcome.SKIPPED));
		}

		public boolean safe() {
			return this.setupError == null && this.olderStart == null
					&& this.olderCalls.stream().noneMatch((call) -> call.outcome() == PersistenceProbe.Outcome.FAILED);
		}

		List<PersistenceProbe.Call> failures() {
			return this.olderCalls.stream().filter((call) -> call.outcome() == PersistenceProbe.Outcome.FAILED).toList();
		}

	}

	/** The whole check. */
	public record Result(String newer, String older, List<DatabaseVerdict> databases, Duration duration) {

		public boolean safe() {
			return this.databases.stream().allMatch(DatabaseVerdict::safe);
		}

		/** Unsafe on at least one database (the answer, whatever happened elsewhere). */
		public boolean unsafe() {
			return this.databases.stream().anyMatch((d) -> d.setupError() == null && !d.safe());
		}

		public boolean inconclusive() {
			return !unsafe() && this.databases.stream().anyMatch(DatabaseVerdict::inconclusive);
		}

	}

	/**
	 * Runs the check.
	 * @param work a scratch directory (builds, unpacked jars)
	 * @throws IllegalStateException when a release does not build
	 */
	public static Result run(ShopCheckout newer, ShopCheckout older, List<Databases.Kind> kinds, Path work) {
		long start = System.nanoTime();
		quietLogging(work);
		try (ReleaseCode newerCode = ReleaseCode.build(newer, work.resolve("newer"));
				ReleaseCode olderCode = sameTree(newer, older) ? null : ReleaseCode.build(older, work.resolve("older"))) {
			ReleaseCode olderOrSame = (olderCode != null) ? olderCode : newerCode;
			List<DatabaseVerdict> verdicts = new ArrayList<>();
			for (Databases.Kind kind : kinds) {
				verdicts.add(onDatabase(kind, newerCode, olderOrSame));
			}
			return new Result(newer.label(), older.label(), verdicts, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	/** The check with both releases built already. */
	static Result run(ReleaseCode newer, ReleaseCode older, List<Databases.Kind> kinds) {
		long start = System.nanoTime();
		List<DatabaseVerdict> verdicts = new ArrayList<>();
		for (Databases.Kind kind : kinds) {
			verdicts.add(onDatabase(kind, newer, older));
		}
		return new Result(newer.shop().label(), older.shop().label(), verdicts, Duration.ofNanos(System.nanoTime() - start));
	}

	private static DatabaseVerdict onDatabase(Databases.Kind kind, ReleaseCode newer, ReleaseCode older) {
		Databases.Running database;
		try {
			database = Databases.start(kind);
		}
		catch (RuntimeException ex) {
			return new DatabaseVerdict(kind, kind.label(), ex.getMessage(), 0, List.of(), null, List.of());
		}
		try (database) {
			try {
				Changelogs.update(newer.master(), database.dataSource().getConnection());
			}
			catch (SQLException | RuntimeException ex) {
				return new DatabaseVerdict(kind, database.describe(), "the newer release's changelog does not apply: "
						+ ex.getMessage(), 0, List.of(), null, List.of());
			}
			int changesets = count(database, "SELECT COUNT(*) FROM databasechangelog");
			PersistenceProbe.Ids ids = new PersistenceProbe.Ids();
			List<PersistenceProbe.Call> newerWrites = PersistenceProbe.writeAsNewer(newer, database.dataSource(), ids);
			String olderStart = null;
			try {
				Changelogs.update(older.master(), database.dataSource().getConnection());
			}
			catch (SQLException | RuntimeException ex) {
				olderStart = ex.getMessage();
			}
			List<PersistenceProbe.Call> olderCalls = PersistenceProbe.runAsOlder(older, database.dataSource(), ids);
			return new DatabaseVerdict(kind, database.describe(), null, changesets, newerWrites, olderStart, olderCalls);
		}
	}

	private static int count(Databases.Running database, String sql) {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			return rows.next() ? rows.getInt(1) : 0;
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	private static boolean sameTree(ShopCheckout a, ShopCheckout b) {
		return a.commit() != null && a.commit().equals(b.commit());
	}

	/**
	 * The releases ship Logback, which logs everything at DEBUG on the console when no Spring Boot configures it:
	 * point it at a configuration that logs nothing.
	 */
	static void quietLogging(Path work) {
		try {
			Files.createDirectories(work);
			Path config = work.resolve("logback-quiet.xml");
			Files.writeString(config, "<configuration>\n  <root level=\"OFF\"/>\n</configuration>\n");
			System.setProperty("logback.configurationFile", config.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
