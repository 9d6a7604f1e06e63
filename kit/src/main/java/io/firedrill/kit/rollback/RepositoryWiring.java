package io.firedrill.kit.rollback;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;

import javax.sql.DataSource;

/**
 * Builds a release's repository the way its Spring context would, without one: its richest constructor, given the
 * database as a {@code DataSource}, {@code JdbcClient}, {@code JdbcTemplate} or {@code NamedParameterJdbcTemplate}
 * (made with the release's own Spring classes), and any plain shop component built the same way.
 */
final class RepositoryWiring {

	private final ClassLoader loader;

	private final DataSource dataSource;

	RepositoryWiring(ClassLoader loader, DataSource dataSource) {
		this.loader = loader;
		this.dataSource = dataSource;
	}

	/** A repository or one of the plain shop components it needs, through its richest constructor. */
	Object instantiate(Class<?> type, int depth) throws ReflectiveOperationException {
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
		switch (type.getName()) {
			case "org.springframework.jdbc.core.simple.JdbcClient":
				return type.getMethod("create", DataSource.class).invoke(null, this.dataSource);
			case "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.jdbc.core.JdbcOperations":
				return this.loader.loadClass("org.springframework.jdbc.core.JdbcTemplate").getConstructor(DataSource.class)
					.newInstance(this.dataSource);
			case "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
					"org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations":
				return this.loader.loadClass("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
					.getConstructor(DataSource.class).newInstance(this.dataSource);
			default:
				if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && type.getClassLoader() == this.loader
						&& !type.getName().startsWith("org.springframework.")) {
					return instantiate(type, depth + 1);
				}
				throw new NoSuchMethodException("no value for a " + type.getName());
		}
	}

}
