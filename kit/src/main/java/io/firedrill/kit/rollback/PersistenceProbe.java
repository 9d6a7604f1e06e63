package io.firedrill.kit.rollback;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * Runs a release's own persistence code against a database: every {@code @Repository} of its schema module,
 * built with its own constructor (a {@code JdbcClient}, {@code JdbcTemplate} or {@code DataSource} over the
 * database, and any plain shop component it needs: {@link RepositoryWiring}), and each of its create, read and
 * update methods called with values made up from their types and parameter names ({@code orderId} is the id of an
 * order written before: {@link MadeUpArguments}).
 * What the database says is recorded: the statement it refused, its message and SQLState.
 */
final class PersistenceProbe {

	static final String REPOSITORY = "org.springframework.stereotype.Repository";

	private static final Pattern CREATE = Pattern.compile("^(create|insert|save|add|record|register|store|persist).*");

	private static final Pattern READ = Pattern.compile("^(find|get|load|fetch|count|total|exists|list|select|search|read).*");

	private static final Pattern UPDATE = Pattern.compile("^(update|mark|set|change|complete|finish|cancel|claim|move).*");

	private static final Pattern SQL = Pattern.compile("(?s)SQL \\[(.+?)\\](?:;|$)");

	/** What a method does, by its name. */
	enum Kind {

		CREATE, READ, UPDATE

	}

	/** How a call went. */
	enum Outcome {

		/** The database accepted it. */
		OK("ok"),
		/** The database refused it: the release breaks on this schema. */
		FAILED("FAILED"),
		/** It could not be exercised (no value for a parameter, a failure before any SQL). */
		SKIPPED("skipped");

		final String label;

		Outcome(String label) {
			this.label = label;
		}

	}

	/**
	 * One call.
	 * @param statement the SQL the database refused, when it did
	 * @param error the database's message, or why the call was skipped
	 * @param sqlState the SQLState of the refusal
	 */
	record Call(String repository, String method, String arguments, Kind kind, Outcome outcome, String statement,
			String error, String sqlState) {

		String signature() {
			return this.repository + "." + this.method + "(" + this.arguments + ")";
		}

	}

	/** Ids of the rows written so far, by entity ({@code order}, {@code refundRequest}), newer and older apart. */
	static final class Ids {

		private final Map<String, Long> newer = new HashMap<>();

		private final Map<String, Long> older = new HashMap<>();

		Optional<Long> get(String entity, boolean preferNewer) {
			Map<String, Long> first = preferNewer ? this.newer : this.older;
			Map<String, Long> second = preferNewer ? this.older : this.newer;
			return Optional.ofNullable(first.getOrDefault(entity, second.get(entity)));
		}

		boolean known(String entity) {
			return this.newer.containsKey(entity) || this.older.containsKey(entity);
		}

	}

	private final ReleaseCode code;

	private final Ids ids;

	private final boolean newer;

	private final List<String> entities = new ArrayList<>();

	private final RepositoryWiring wiring;

	private final MadeUpArguments arguments;

	private PersistenceProbe(ReleaseCode code, DataSource dataSource, Ids ids, boolean newer) {
		this.code = code;
		this.ids = ids;
		this.newer = newer;
		this.wiring = new RepositoryWiring(code.loader(), dataSource);
		this.arguments = new MadeUpArguments(ids, this.entities);
	}

	/** The newer release writes its rows: its create methods only. */
	static List<Call> writeAsNewer(ReleaseCode code, DataSource dataSource, Ids ids) {
		return new PersistenceProbe(code, dataSource, ids, true).run(List.of(Kind.CREATE));
	}

	/** The older release's creates, then its reads and updates of the rows both releases wrote. */
	static List<Call> runAsOlder(ReleaseCode code, DataSource dataSource, Ids ids) {
		return new PersistenceProbe(code, dataSource, ids, false).run(List.of(Kind.CREATE, Kind.READ, Kind.UPDATE));
	}

	private List<Call> run(List<Kind> kinds) {
		List<Call> calls = new ArrayList<>();
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(this.code.loader());
		try {
			List<Object> repositories = new ArrayList<>();
			for (String name : repositoryNames()) {
				Class<?> type = Class.forName(name, true, this.code.loader());
				this.entities.add(entityOf(type));
				try {
					repositories.add(this.wiring.instantiate(type, 0));
				}
				catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
					calls.add(new Call(type.getSimpleName(), "<init>", "", Kind.CREATE, Outcome.SKIPPED, null,
							"cannot build it: " + describe(ex), null));
				}
			}
			for (Kind kind : kinds) {
				List<Pending> pending = new ArrayList<>();
				for (Object repository : repositories) {
					for (Method method : methods(repository.getClass(), kind)) {
						pending.add(new Pending(repository, method));
					}
				}
				// Creates run in dependency order: a method needing an order's id waits until an order exists.
				boolean progress = true;
				while (!pending.isEmpty() && progress) {
					progress = false;
					for (Pending call : new ArrayList<>(pending)) {
						Optional<Object[]> arguments = this.arguments.of(call.repository.getClass(), call.method, kind);
						if (arguments.isPresent()) {
							calls.add(invoke(call.repository, call.method, arguments.get(), kind));
							pending.remove(call);
							progress = true;
						}
					}
				}
				for (Pending call : pending) {
					calls.add(new Call(call.repository.getClass().getSimpleName(), call.method.getName(), "", kind,
							Outcome.SKIPPED, null, "no row to pass it", null));
				}
			}
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("cannot load the release's classes: " + ex.getMessage(), ex);
		}
		finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
		return calls;
	}

	private record Pending(Object repository, Method method) {
	}

	private List<String> repositoryNames() {
		List<String> names = new ArrayList<>();
		for (JavaClass type : new ClassFileImporter().importPath(this.code.classes())) {
			if (type.isAnnotatedWith(REPOSITORY) && !type.isInterface() && !type.getModifiers()
				.contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
				names.add(type.getName());
			}
		}
		names.sort(Comparator.naturalOrder());
		return names;
	}

	private static List<Method> methods(Class<?> type, Kind kind) {
		Pattern pattern = switch (kind) {
			case CREATE -> CREATE;
			case READ -> READ;
			case UPDATE -> UPDATE;
		};
		return Arrays.stream(type.getDeclaredMethods())
			.filter((m) -> !m.isSynthetic() && !Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers()))
			.filter((m) -> pattern.matcher(m.getName()).matches())
			.sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
			.toList();
	}

	private Call invoke(Object repository, Method method, Object[] arguments, Kind kind) {
		String repositoryName = repository.getClass().getSimpleName();
		String shown = describeArguments(method, arguments);
		try {
			method.setAccessible(true);
			Object result = method.invoke(repository, arguments);
			if (kind == Kind.CREATE) {
				idOf(result).ifPresent((id) -> (this.newer ? this.ids.newer : this.ids.older).put(entityOf(repository.getClass()), id));
			}
			return new Call(repositoryName, method.getName(), shown, kind, Outcome.OK, null, null, null);
		}
		catch (InvocationTargetException ex) {
			Throwable failure = ex.getCause();
			SQLException sql = sqlException(failure);
			if (sql != null) {
				Matcher statement = SQL.matcher(String.valueOf(failure.getMessage()));
				return new Call(repositoryName, method.getName(), shown, kind, Outcome.FAILED,
						statement.find() ? statement.group(1).replaceAll("\\s+", " ").strip() : null,
						firstLine(sql.getMessage()), sql.getSQLState());
			}
			return new Call(repositoryName, method.getName(), shown, kind, Outcome.SKIPPED, null,
					"failed before reaching the database: " + describe(failure), null);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return new Call(repositoryName, method.getName(), shown, kind, Outcome.SKIPPED, null, describe(ex), null);
		}
	}

	/** {@code OrderRepository} stores {@code order}s. */
	static String entityOf(Class<?> repository) {
		String name = repository.getSimpleName().replaceFirst("(Repository|Dao|Store)$", "");
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static Optional<Long> idOf(Object result) {
		if (result instanceof Number number) {
			return Optional.of(number.longValue());
		}
		if (result == null) {
			return Optional.empty();
		}
		for (String accessor : List.of("id", "getId")) {
			try {
				Method method = result.getClass().getMethod(accessor);
				method.setAccessible(true);
				if (method.invoke(result) instanceof Number number) {
					return Optional.of(number.longValue());
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// not this accessor
			}
		}
		return Optional.empty();
	}

	private static String describeArguments(Method method, Object[] arguments) {
		List<String> shown = new ArrayList<>();
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < arguments.length; i++) {
			Object value = arguments[i];
			String text = (value == null || value instanceof Number || value instanceof String || value instanceof Enum<?>)
					? String.valueOf(value) : value.getClass().getSimpleName();
			shown.add((parameters[i].isNamePresent() ? parameters[i].getName() + "=" : "") + text);
		}
		return String.join(", ", shown);
	}

	private static SQLException sqlException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	private static String describe(Throwable ex) {
		Throwable root = (ex instanceof InvocationTargetException target && target.getCause() != null) ? target.getCause() : ex;
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + firstLine(root.getMessage()) : "");
	}

	private static String firstLine(String message) {
		String line = (message == null) ? "" : message.strip().lines().findFirst().orElse("").strip();
		return line.replaceFirst(";?\\s*SQL statement:$", "");
	}

}
