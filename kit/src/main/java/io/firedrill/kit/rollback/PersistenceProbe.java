package io.firedrill.kit.rollback;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * Runs a release's own persistence code against a database: every {@code @Repository} of its schema module,
 * built with its own constructor (a {@code JdbcClient}, {@code JdbcTemplate} or {@code DataSource} over the
 * database, and any plain shop component it needs), and each of its create, read and update methods called with
 * values made up from their types and parameter names ({@code orderId} is the id of an order written before).
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

	private final DataSource dataSource;

	private final Ids ids;

	private final boolean newer;

	private final List<String> entities = new ArrayList<>();

	private PersistenceProbe(ReleaseCode code, DataSource dataSource, Ids ids, boolean newer) {
		this.code = code;
		this.dataSource = dataSource;
		this.ids = ids;
		this.newer = newer;
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
					repositories.add(instantiate(type, 0));
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
						Optional<Object[]> arguments = arguments(call.repository.getClass(), call.method, kind);
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

	private Optional<Object[]> arguments(Class<?> repository, Method method, Kind kind) {
		Parameter[] parameters = method.getParameters();
		Object[] values = new Object[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			Optional<Object> value = value(repository, parameters[i].getType(),
					parameters[i].isNamePresent() ? parameters[i].getName() : "", kind, 0);
			if (value.isEmpty()) {
				return Optional.empty();
			}
			values[i] = value.get();
		}
		return Optional.of(values);
	}

	/** A value for a parameter: an id of a row written before, or a plain value of its type. */
	private Optional<Object> value(Class<?> repository, Class<?> type, String name, Kind kind, int depth) {
		boolean preferNewer = kind != Kind.CREATE;
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
			Optional<Long> id = Optional.empty();
			boolean isId = false;
			if (name.equals("id")) {
				isId = true;
				id = this.ids.get(entityOf(repository), preferNewer);
			}
			else if (name.endsWith("Id") && name.length() > 2) {
				String entity = name.substring(0, name.length() - 2);
				if (this.entities.contains(entity) || this.ids.known(entity)) {
					isId = true;
					id = this.ids.get(entity, preferNewer);
				}
			}
			if (isId && id.isEmpty()) {
				return Optional.empty();
			}
			long number = id.orElse(name.toLowerCase(Locale.ROOT).contains("customer") ? 123L : 1L);
			return Optional.of((type == int.class || type == Integer.class) ? (Object) (int) number : (Object) number);
		}
		if (type == BigDecimal.class) {
			return Optional.of(new BigDecimal("99.99"));
		}
		if (type == String.class) {
			return Optional.of("rollback-check");
		}
		if (type == boolean.class || type == Boolean.class) {
			return Optional.of(Boolean.FALSE);
		}
		if (type == double.class || type == Double.class) {
			return Optional.of(1.0d);
		}
		if (type == Instant.class) {
			return Optional.of(Instant.now());
		}
		if (type == LocalDate.class) {
			return Optional.of(LocalDate.now());
		}
		if (type == LocalDateTime.class) {
			return Optional.of(LocalDateTime.now());
		}
		if (type == OffsetDateTime.class) {
			return Optional.of(OffsetDateTime.now());
		}
		if (type == UUID.class) {
			return Optional.of(UUID.randomUUID());
		}
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			return (constants.length > 0) ? Optional.of(constants[0]) : Optional.empty();
		}
		if (depth < 3) {
			return construct(repository, type, kind, depth + 1);
		}
		return Optional.empty();
	}

	/** A value object: through its static factory with the fewest parameters, else its constructor. */
	private Optional<Object> construct(Class<?> repository, Class<?> type, Kind kind, int depth) {
		List<java.lang.reflect.Executable> makers = new ArrayList<>();
		for (Method method : type.getMethods()) {
			if (Modifier.isStatic(method.getModifiers()) && method.getReturnType() == type) {
				makers.add(method);
			}
		}
		makers.addAll(Arrays.asList(type.getConstructors()));
		makers.sort(Comparator.comparingInt(java.lang.reflect.Executable::getParameterCount)
			.thenComparingLong((maker) -> Arrays.stream(maker.getParameterTypes()).filter((p) -> p == String.class).count()));
		for (java.lang.reflect.Executable maker : makers) {
			Parameter[] parameters = maker.getParameters();
			Object[] values = new Object[parameters.length];
			boolean complete = true;
			for (int i = 0; i < parameters.length && complete; i++) {
				Optional<Object> value = value(repository, parameters[i].getType(),
						parameters[i].isNamePresent() ? parameters[i].getName() : "", kind, depth);
				complete = value.isPresent();
				values[i] = value.orElse(null);
			}
			if (!complete) {
				continue;
			}
			try {
				return Optional.of((maker instanceof Method method) ? method.invoke(null, values)
						: ((Constructor<?>) maker).newInstance(values));
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// try the next way of making one
			}
		}
		return Optional.empty();
	}

	/** A repository or one of the plain shop components it needs, through its richest constructor. */
	private Object instantiate(Class<?> type, int depth) throws ReflectiveOperationException {
		if (depth > 3) {
			throw new IllegalStateException("too deep to build " + type.getName());
		}
		Constructor<?>[] constructors = type.getDeclaredConstructors();
		Arrays.sort(constructors, Comparator.comparingInt(Constructor<?>::getParameterCount).reversed());
		ReflectiveOperationException last = null;
		for (Constructor<?> constructor : constructors) {
			Object[] arguments = new Object[constructor.getParameterCount()];
			try {
				Class<?>[] types = constructor.getParameterTypes();
				for (int i = 0; i < types.length; i++) {
					arguments[i] = dependency(types[i], depth);
				}
				constructor.setAccessible(true);
				return constructor.newInstance(arguments);
			}
			catch (ReflectiveOperationException ex) {
				last = ex;
			}
		}
		throw (last != null) ? last : new NoSuchMethodException(type.getName() + " has no constructor");
	}

	private Object dependency(Class<?> type, int depth) throws ReflectiveOperationException {
		if (type.isAssignableFrom(DataSource.class)) {
			return this.dataSource;
		}
		ClassLoader loader = this.code.loader();
		switch (type.getName()) {
			case "org.springframework.jdbc.core.simple.JdbcClient":
				return type.getMethod("create", DataSource.class).invoke(null, this.dataSource);
			case "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.jdbc.core.JdbcOperations":
				return loader.loadClass("org.springframework.jdbc.core.JdbcTemplate").getConstructor(DataSource.class)
					.newInstance(this.dataSource);
			case "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
					"org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations":
				return loader.loadClass("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
					.getConstructor(DataSource.class).newInstance(this.dataSource);
			default:
				if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && type.getClassLoader() == loader
						&& !type.getName().startsWith("org.springframework.")) {
					return instantiate(type, depth + 1);
				}
				throw new NoSuchMethodException("no value for a " + type.getName());
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
