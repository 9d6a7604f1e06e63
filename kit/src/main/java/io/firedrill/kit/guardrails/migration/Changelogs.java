package io.firedrill.kit.guardrails.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.change.CheckSum;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * A shop's Liquibase changelog, read with Liquibase's own parser ({@link ChangeLogParserFactory}): YAML, XML,
 * JSON and formatted SQL alike, includes resolved, and each changeset's checksum computed exactly as Liquibase
 * computes the one it stores in {@code DATABASECHANGELOG}.
 */
public final class Changelogs {

	/** Where Spring Boot looks by default, and where the shop keeps it. */
	static final Pattern MASTER = Pattern.compile("db\\.changelog-master\\.(ya?ml|xml|json|sql)");

	static final String RESOURCES = "src/main/resources";

	/** Keeps a reference: java.util.logging holds its loggers weakly. */
	private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

	private Changelogs() {
	}

	/**
	 * A changeset as the linter sees it.
	 * @param file its changelog file, as Liquibase names it ({@code db/changelog/releases/v2.4.0.yaml})
	 * @param checksum Liquibase's checksum of it ({@code 9:...})
	 * @param ops what it does, with the dbms filter of the change each came from
	 * @param dbms the changeset's own dbms filter, or empty
	 * @param runInTransaction whether Liquibase wraps it in a transaction
	 * @param runOnChange whether it is meant to run again when edited
	 * @param accepts whether it declares another checksum acceptable ({@code validCheckSum}, {@code ANY} included),
	 * as Liquibase decides it
	 */
	public record Entry(String file, String id, String author, String checksum, List<Op> ops, Set<String> dbms,
			boolean runInTransaction, boolean runOnChange, Predicate<String> accepts) {

		/** One line naming it: file, id and author. */
		public String describe() {
			return this.file + ", changeset " + this.id + " by " + this.author;
		}

		String key() {
			return this.file + "::" + this.id + "::" + this.author;
		}

	}

	/** A schema operation with the dbms filter of the change it came from ({@code null}: none). */
	record Op(SchemaOp op, String dbms) {
	}

	/**
	 * A parsed changelog.
	 * @param resourceRoot the directory the changelog paths are relative to
	 * @param master the master changelog's path under it
	 * @param entries every changeset, in the order Liquibase runs them
	 */
	public record Changelog(Path resourceRoot, String master, List<Entry> entries) {

		/** The changelog files in the order their first changeset runs: one per release in the shop's layout. */
		public List<String> files() {
			return this.entries.stream().map(Entry::file).distinct().toList();
		}

	}

	/** Turns off Liquibase's analytics (this machine reaches no such service) and its INFO logging. */
	public static void quiet() {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		System.setProperty("liquibase.command.showSummary", "off");
		System.setProperty("liquibase.command.showSummaryOutput", "log");
		LIQUIBASE_LOG.setLevel(Level.WARNING);
	}

	/**
	 * The master changelogs of a shop: {@code db.changelog-master.*} under a module's {@code src/main/resources},
	 * the owner of the schema first.
	 */
	public static List<Path> findMasters(Path shop) {
		try (Stream<Path> files = Files.walk(shop, 12)) {
			return files.filter((file) -> MASTER.matcher(file.getFileName().toString()).matches())
				.filter((file) -> file.toString().replace('\\', '/').contains("/" + RESOURCES + "/"))
				.filter((file) -> !file.toString().replace('\\', '/').contains("/target/"))
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The {@code src/main/resources} directory a master changelog lies in. */
	public static Path resourceRootOf(Path master) {
		String path = master.toString().replace('\\', '/');
		int at = path.indexOf("/" + RESOURCES + "/");
		return Path.of(path.substring(0, at + 1 + RESOURCES.length()));
	}

	/** Reads a changelog with Liquibase's parser. */
	public static Changelog read(Path master) {
		quiet();
		Path root = resourceRootOf(master);
		String path = root.relativize(master).toString().replace('\\', '/');
		try (DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(root)) {
			return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor), () -> parse(root, path, accessor));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Liquibase cannot read " + master + ": " + rootMessage(ex), ex);
		}
	}

	/**
	 * Applies a shop's changelog to a database, as the shop does at startup: the changelog is named by its path
	 * under {@code src/main/resources}, so {@code DATABASECHANGELOG} records the same file names Spring Boot
	 * records and the shop's own Liquibase later sees every changeset as run. Closes the connection.
	 * @throws IllegalStateException with Liquibase's (one-line) reason when a changeset fails
	 */
	public static void update(Path master, java.sql.Connection connection) {
		quiet();
		Path root = resourceRootOf(master);
		String path = root.relativize(master).toString().replace('\\', '/');
		try (DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(root)) {
			Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor, Scope.Attr.ui.name(), new LoggerUIService()),
					() -> {
						Database database = DatabaseFactory.getInstance()
							.findCorrectDatabaseImplementation(new JdbcConnection(connection));
						try (Liquibase liquibase = new Liquibase(path, accessor, database)) {
							liquibase.update(new Contexts(), new LabelExpression());
						}
					});
		}
		catch (Exception ex) {
			throw new IllegalStateException("Liquibase update of " + path + " failed: " + rootMessage(ex), ex);
		}
	}

	private static Changelog parse(Path root, String path, ResourceAccessor accessor) throws Exception {
		ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(path, accessor);
		DatabaseChangeLog changeLog = parser.parse(path, new ChangeLogParameters(), accessor);
		List<Entry> entries = new ArrayList<>();
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			List<Op> ops = new ArrayList<>();
			for (Change change : changeSet.getChanges()) {
				String dbms = ChangeOps.dbms(change);
				ChangeOps.of(change).forEach((op) -> ops.add(new Op(op, dbms)));
			}
			Set<String> dbms = (changeSet.getDbmsSet() != null) ? changeSet.getDbmsSet().stream()
				.map((d) -> d.toLowerCase(Locale.ROOT).strip())
				.collect(Collectors.toUnmodifiableSet()) : Set.of();
			Predicate<String> accepts = (checksum) -> !changeSet.getValidCheckSums().isEmpty()
					&& changeSet.isCheckSumValid(CheckSum.parse(checksum));
			entries.add(new Entry(normalize(changeSet.getFilePath()), changeSet.getId(), changeSet.getAuthor(),
					changeSet.generateCheckSum(ChecksumVersion.latest()).toString(), ops, dbms,
					changeSet.isRunInTransaction(), changeSet.isRunOnChange(), accepts));
		}
		return new Changelog(root, path, entries);
	}

	/** Whether a dbms filter ({@code postgresql}, {@code h2, postgresql}, {@code !h2}, {@code all}) includes PostgreSQL. */
	static boolean appliesToPostgres(Set<String> dbms) {
		if (dbms == null || dbms.isEmpty()) {
			return true;
		}
		if (dbms.contains("none") || dbms.contains("!postgresql")) {
			return false;
		}
		List<String> positive = dbms.stream().filter((d) -> !d.startsWith("!")).toList();
		return positive.isEmpty() || positive.contains("postgresql") || positive.contains("all");
	}

	static boolean appliesToPostgres(String dbms) {
		if (dbms == null || dbms.isBlank()) {
			return true;
		}
		return appliesToPostgres(Arrays.stream(dbms.split(","))
			.map((d) -> d.toLowerCase(Locale.ROOT).strip())
			.collect(Collectors.toSet()));
	}

	/**
	 * The line that names the changeset {@code id} in a YAML, XML or JSON changelog ({@code id: x}, {@code id="x"},
	 * {@code "id": "x"}), or {@code null} when none does or the file cannot be read: Liquibase keeps no line numbers.
	 */
	static Integer lineOf(Path file, String id) {
		Pattern names = Pattern.compile("[\"']?\\bid[\"']?\\s*[:=]\\s*[\"']?" + Pattern.quote(id) + "(?![\\w.-])");
		try (Stream<String> lines = Files.lines(file)) {
			int number = 0;
			for (String line : (Iterable<String>) lines::iterator) {
				number++;
				if (names.matcher(line).find()) {
					return number;
				}
			}
			return null;
		}
		catch (IOException | UncheckedIOException ex) {
			return null;
		}
	}

	private static String normalize(String file) {
		String path = file.replace('\\', '/');
		if (path.startsWith("classpath:")) {
			path = path.substring("classpath:".length());
		}
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		return path;
	}

	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName()).strip()
			.replaceAll("\\s*\\R\\s*", " ");
	}

}
