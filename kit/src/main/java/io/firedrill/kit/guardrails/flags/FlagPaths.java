package io.firedrill.kit.guardrails.flags;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;

/**
 * A method-level call graph walk, from the public methods of a flag-guarded service up to the entry points of the
 * backend: every path on which no method consults the flag API is ungated. A method consults the flag when it, a
 * lambda it declares, or a shop method it calls (transitively, a few levels deep) calls the flag API; so gating in
 * the controller, in the service, in a decorator or in a subclass of the guarded service all count.
 * <p>
 * The same approach as the hidden suite of the {@code flag-gated-backend} criterion, kept in the kit so that the
 * kit does not depend on {@code grading/}.
 */
final class FlagPaths {

	private static final int MAX_PATH = 12;

	private static final int MAX_DEPTH = 8;

	private final String shopPackage;

	private final BiPredicate<String, String> flagApi;

	private final Map<JavaCodeUnit, Boolean> consults = new HashMap<>();

	/**
	 * @param shopPackage prefix of the classes whose calls are followed ({@code com.acme.shop.})
	 * @param flagApi whether a call to (owner class name, method name) asks the flag API
	 */
	FlagPaths(String shopPackage, BiPredicate<String, String> flagApi) {
		this.shopPackage = shopPackage;
		this.flagApi = flagApi;
	}

	/** Every path that reaches a public method of {@code service} without consulting the flag, as text. */
	List<String> ungatedPathsTo(JavaClass service) {
		List<String> ungated = new ArrayList<>();
		for (JavaMethod target : service.getMethods()) {
			if (!target.getModifiers().contains(JavaModifier.PUBLIC) || consultsTheFlag(target)
					|| anOverrideConsultsTheFlag(service, target)) {
				continue;
			}
			Deque<List<JavaCodeUnit>> paths = new ArrayDeque<>();
			paths.push(List.of(target));
			while (!paths.isEmpty()) {
				List<JavaCodeUnit> path = paths.pop();
				JavaCodeUnit head = path.get(path.size() - 1);
				Set<JavaCodeUnit> callers = callersOf(head);
				callers.removeIf((caller) -> path.contains(caller) || caller.getOwner().equals(service));
				if (callers.isEmpty() || path.size() >= MAX_PATH) {
					if (path.size() > 1) {
						ungated.add(describe(path));
					}
					continue;
				}
				for (JavaCodeUnit caller : callers) {
					if (!consultsTheFlag(caller)) {
						List<JavaCodeUnit> longer = new ArrayList<>(path);
						longer.add(caller);
						paths.push(longer);
					}
				}
			}
		}
		return ungated.stream().distinct().sorted().toList();
	}

	private boolean anOverrideConsultsTheFlag(JavaClass owner, JavaMethod method) {
		return owner.getAllSubclasses()
			.stream()
			.flatMap((subclass) -> subclass.getMethods().stream())
			.filter((candidate) -> sameSignature(candidate, method))
			.anyMatch(this::consultsTheFlag);
	}

	/** Direct callers, including calls made through a supertype's declaration of the method. */
	private Set<JavaCodeUnit> callersOf(JavaCodeUnit unit) {
		Set<JavaCodeUnit> callers = new LinkedHashSet<>();
		unit.getCallsOfSelf().forEach((call) -> callers.add(call.getOrigin()));
		if (unit instanceof JavaMethod method) {
			for (JavaClass supertype : supertypesOf(method.getOwner())) {
				supertype.getMethods()
					.stream()
					.filter((candidate) -> sameSignature(candidate, method))
					.forEach((candidate) -> candidate.getCallsOfSelf().forEach((call) -> callers.add(call.getOrigin())));
			}
		}
		return callers.stream().map(FlagPaths::enclosingMethod).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** A lambda body counts as part of the method that declares it (javac names it lambda$method$n). */
	private static JavaCodeUnit enclosingMethod(JavaCodeUnit unit) {
		if (!unit.getName().startsWith("lambda$")) {
			return unit;
		}
		String enclosing = unit.getName().split("\\$")[1];
		return unit.getOwner()
			.getCodeUnits()
			.stream()
			.filter((candidate) -> candidate.getName().equals(enclosing))
			.findFirst()
			.orElse(unit);
	}

	private boolean consultsTheFlag(JavaCodeUnit unit) {
		return consultsTheFlag(unit, new HashSet<>());
	}

	private boolean consultsTheFlag(JavaCodeUnit unit, Set<JavaCodeUnit> visiting) {
		Boolean known = this.consults.get(unit);
		if (known != null) {
			return known;
		}
		if (!visiting.add(unit) || visiting.size() > MAX_DEPTH) {
			return false;
		}
		boolean result = false;
		for (JavaCodeUnit body : withLambdas(unit)) {
			for (JavaMethodCall call : body.getMethodCallsFromSelf()) {
				String owner = call.getTargetOwner().getName();
				if (this.flagApi.test(owner, call.getName())) {
					result = true;
				}
				else if (owner.startsWith(this.shopPackage)) {
					Optional<JavaCodeUnit> callee = call.getTarget().resolveMember().map(JavaCodeUnit.class::cast);
					result = callee.isPresent() && consultsTheFlag(callee.get(), visiting);
				}
				if (result) {
					break;
				}
			}
			if (result) {
				break;
			}
		}
		visiting.remove(unit);
		this.consults.put(unit, result);
		return result;
	}

	private static List<JavaCodeUnit> withLambdas(JavaCodeUnit unit) {
		List<JavaCodeUnit> bodies = new ArrayList<>();
		bodies.add(unit);
		unit.getOwner()
			.getCodeUnits()
			.stream()
			.filter((candidate) -> candidate.getName().startsWith("lambda$" + unit.getName() + "$"))
			.forEach(bodies::add);
		return bodies;
	}

	private static Set<JavaClass> supertypesOf(JavaClass javaClass) {
		Set<JavaClass> supertypes = new LinkedHashSet<>(javaClass.getAllRawInterfaces());
		supertypes.addAll(javaClass.getAllRawSuperclasses());
		return supertypes;
	}

	private static boolean sameSignature(JavaMethod a, JavaMethod b) {
		return a.getName().equals(b.getName()) && a.getRawParameterTypes().equals(b.getRawParameterTypes());
	}

	private static String describe(List<JavaCodeUnit> path) {
		List<String> names = new ArrayList<>();
		for (int i = path.size() - 1; i >= 0; i--) {
			names.add(path.get(i).getOwner().getSimpleName() + "." + path.get(i).getName() + "()");
		}
		return String.join(" -> ", names);
	}

}
