package io.firedrill.kit.rollback;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The arguments of a repository method, made up from the parameters' types and names: a parameter named {@code id}
 * or {@code orderId} gets the id of a row written before (none yet: the call waits), a plain type a plain value, a
 * value object what its factory or constructor makes of such values.
 */
final class MadeUpArguments {

	private final PersistenceProbe.Ids ids;

	/** The entities of the release's repositories ({@code order}), filled in as the repositories are loaded. */
	private final List<String> entities;

	MadeUpArguments(PersistenceProbe.Ids ids, List<String> entities) {
		this.ids = ids;
		this.entities = entities;
	}

	/** The arguments, or empty while a row they need has not been written. */
	Optional<Object[]> of(Class<?> repository, Method method, PersistenceProbe.Kind kind) {
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
	private Optional<Object> value(Class<?> repository, Class<?> type, String name, PersistenceProbe.Kind kind,
			int depth) {
		boolean preferNewer = kind != PersistenceProbe.Kind.CREATE;
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
			Optional<Long> id = Optional.empty();
			boolean isId = false;
			if (name.equals("id")) {
				isId = true;
				id = this.ids.get(PersistenceProbe.entityOf(repository), preferNewer);
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
	private Optional<Object> construct(Class<?> repository, Class<?> type, PersistenceProbe.Kind kind, int depth) {
		List<Executable> makers = new ArrayList<>();
		for (Method method : type.getMethods()) {
			if (Modifier.isStatic(method.getModifiers()) && method.getReturnType() == type) {
				makers.add(method);
			}
		}
		makers.addAll(Arrays.asList(type.getConstructors()));
		makers.sort(Comparator.comparingInt(Executable::getParameterCount)
			.thenComparingLong((maker) -> Arrays.stream(maker.getParameterTypes()).filter((p) -> p == String.class).count()));
		for (Executable maker : makers) {
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

}
