package io.firedrill.grading.flagpaths;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
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

/**
 * A method-level call-graph walk, from the public methods of a flag-guarded service up to the entry points of the
 * backend: every path on which no method consults the flag API is ungated. A method consults the flag when it, a
 * lambda it declares, or a method of the code base it calls or passes on as a method reference (transitively, a few
 * levels deep) calls the flag API; so gating in the controller, in the service, in a decorator or in a subclass of the
 * guarded service all count. A web entry point is also gated when Spring runs code that asks the flag on every
 * request to it before it sees the request: a {@code RequestBodyAdvice} that applies to its controller (it must take a
 * {@code @RequestBody}), or a servlet filter bean.
 * <p>
 * The one copy of this judgement: the hidden suite of {@code flag-gated-backend} and the kit's {@code flag-gating}
 * guardrail both use it, so a fix the grader accepts is one the guardrail accepts.
 */
public final class FlagPaths {

    /** Prefix of the Acme Shop's classes. */
    public static final String SHOP_PACKAGE = "com.acme.shop.";

    private static final int MAX_PATH = 12;

    private static final int MAX_DEPTH = 8;

    private static final String WEB = "org.springframework.web.bind.annotation.";

    private static final Set<String> CONTROLLERS = Set.of("org.springframework.stereotype.Controller",
            WEB + "RestController");

    private static final Set<String> REQUEST_MAPPINGS = Set.of(WEB + "RequestMapping", WEB + "GetMapping",
            WEB + "PostMapping", WEB + "PutMapping", WEB + "PatchMapping", WEB + "DeleteMapping");

    private static final Set<String> ADVICES = Set.of(WEB + "ControllerAdvice", WEB + "RestControllerAdvice");

    private final String codePackage;

    private final BiPredicate<String, String> flagApi;

    private final Map<JavaCodeUnit, Boolean> consults = new HashMap<>();

    /**
     * @param codePackage prefix of the classes whose calls are followed ({@link #SHOP_PACKAGE})
     * @param flagApi whether a call to (owner class name, method name) asks the flag API
     */
    public FlagPaths(String codePackage, BiPredicate<String, String> flagApi) {
        this.codePackage = codePackage;
        this.flagApi = flagApi;
    }

    /** The walk over the Acme Shop, whose flag API is Unleash's client or its own {@code flags} facade. */
    public static FlagPaths ofTheShop() {
        return new FlagPaths(SHOP_PACKAGE, FlagPaths::isShopFlagApi);
    }

    /** The shop's feature-flag API: Unleash's client, or the shop's flag facade ({@code isEnabled}, {@code is...}). */
    public static boolean isShopFlagApi(String owner, String method) {
        return (owner.startsWith("io.getunleash.") || owner.startsWith(SHOP_PACKAGE + "flags."))
                && method.startsWith("is");
    }

    /**
     * Every path that reaches a public method of {@code service} without consulting the flag, as text
     * ({@code CheckoutController.checkout() -> DiscountService.validate()}), sorted.
     */
    public List<String> ungatedPathsTo(JavaClass service) {
        Set<JavaClass> imported = everyImportedClass(service);
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
                callers.removeIf(caller -> path.contains(caller) || caller.getOwner().equals(service));
                if (callers.isEmpty() || path.size() >= MAX_PATH) {
                    if (path.size() > 1 && !aRequestGateConsultsTheFlagBefore(head, imported)) {
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

    /** Every class imported with {@code service}: the request gates may be anywhere in the code base. */
    private static Set<JavaClass> everyImportedClass(JavaClass service) {
        JavaPackage root = service.getPackage();
        while (root.getParent().isPresent()) {
            root = root.getParent().get();
        }
        return root.getClassesInPackageTree();
    }

    /**
     * Whether Spring runs code that asks the flag on every request to this controller method before the method
     * sees the request: a {@code @ControllerAdvice} {@code RequestBodyAdvice} that applies to the controller (the
     * method must take a {@code @RequestBody}), or a servlet filter bean (Spring Boot maps it to every URL).
     * Such a gate is where the gate-in-controller fix is, one step earlier in the same request.
     */
    private boolean aRequestGateConsultsTheFlagBefore(JavaCodeUnit entryPoint, Set<JavaClass> classes) {
        if (!isWebEntryPoint(entryPoint)) {
            return false;
        }
        for (JavaClass candidate : classes) {
            if (isRequestBodyAdvice(candidate) && takesARequestBody(entryPoint)
                    && adviceAppliesTo(candidate, entryPoint.getOwner())
                    && anyConsultsTheFlag(candidate, Set.of("beforeBodyRead", "afterBodyRead", "handleEmptyBody"))) {
                return true;
            }
            if (isFilterBean(candidate) && anyConsultsTheFlag(candidate, Set.of("doFilter", "doFilterInternal"))) {
                return true;
            }
        }
        return false;
    }

    private boolean anyConsultsTheFlag(JavaClass javaClass, Set<String> methodNames) {
        return javaClass.getMethods().stream()
                .filter(method -> methodNames.contains(method.getName()))
                .anyMatch(this::consultsTheFlag);
    }

    private static boolean isWebEntryPoint(JavaCodeUnit unit) {
        return isAnnotatedWithAny(unit.getOwner().getAnnotations(), CONTROLLERS)
                && isAnnotatedWithAny(unit.getAnnotations(), REQUEST_MAPPINGS);
    }

    private static boolean takesARequestBody(JavaCodeUnit unit) {
        return unit.getParameterAnnotations().stream()
                .flatMap(Set::stream)
                .anyMatch(annotation -> annotation.getRawType().getName().equals(WEB + "RequestBody"));
    }

    private static boolean isRequestBodyAdvice(JavaClass javaClass) {
        return javaClass.isAssignableTo("org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice")
                && isAnnotatedWithAny(javaClass.getAnnotations(), ADVICES);
    }

    private static boolean isFilterBean(JavaClass javaClass) {
        return javaClass.isAssignableTo("jakarta.servlet.Filter")
                && (javaClass.isMetaAnnotatedWith("org.springframework.stereotype.Component")
                        || javaClass.isAnnotatedWith("org.springframework.stereotype.Component"));
    }

    /** {@code @ControllerAdvice}'s selectors, as Spring reads them: no selector means every controller. */
    private static boolean adviceAppliesTo(JavaClass advice, JavaClass controller) {
        JavaAnnotation<?> annotation = advice.getAnnotations().stream()
                .filter(candidate -> ADVICES.contains(candidate.getRawType().getName()))
                .findFirst()
                .orElseThrow();
        List<String> packages = new ArrayList<>();
        packages.addAll(List.of((String[]) annotation.get("value").orElse(new String[0])));
        packages.addAll(List.of((String[]) annotation.get("basePackages").orElse(new String[0])));
        for (JavaClass type : (JavaClass[]) annotation.get("basePackageClasses").orElse(new JavaClass[0])) {
            packages.add(type.getPackageName());
        }
        JavaClass[] types = (JavaClass[]) annotation.get("assignableTypes").orElse(new JavaClass[0]);
        JavaClass[] annotations = (JavaClass[]) annotation.get("annotations").orElse(new JavaClass[0]);
        if (packages.isEmpty() && types.length == 0 && annotations.length == 0) {
            return true;
        }
        boolean inPackage = packages.stream().anyMatch(name -> controller.getPackageName().equals(name)
                || controller.getPackageName().startsWith(name + "."));
        boolean ofType = List.of(types).stream().anyMatch(type -> controller.isAssignableTo(type.getName()));
        boolean annotated = List.of(annotations).stream().anyMatch(type -> controller.isAnnotatedWith(type.getName()));
        return inPackage || ofType || annotated;
    }

    private static boolean isAnnotatedWithAny(Set<? extends JavaAnnotation<?>> annotations, Set<String> names) {
        return annotations.stream().anyMatch(annotation -> names.contains(annotation.getRawType().getName()));
    }

    private boolean anOverrideConsultsTheFlag(JavaClass owner, JavaMethod method) {
        return owner.getAllSubclasses().stream()
                .flatMap(subclass -> subclass.getMethods().stream())
                .filter(candidate -> sameSignature(candidate, method))
                .anyMatch(this::consultsTheFlag);
    }

    /**
     * Direct callers, including calls made through a supertype's declaration of the method, and code that passes
     * the method on as a method reference ({@code discountService::validate}): that code decides when it runs, so it
     * is on the path like a caller.
     */
    private Set<JavaCodeUnit> callersOf(JavaCodeUnit unit) {
        Set<JavaCodeUnit> callers = new LinkedHashSet<>();
        accessesTo(unit).forEach(access -> callers.add(access.getOrigin()));
        if (unit instanceof JavaMethod method) {
            for (JavaClass supertype : supertypesOf(method.getOwner())) {
                supertype.getMethods().stream()
                        .filter(candidate -> sameSignature(candidate, method))
                        .forEach(candidate -> accessesTo(candidate).forEach(access -> callers.add(access.getOrigin())));
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
        return unit.getOwner().getCodeUnits().stream()
                .filter(candidate -> candidate.getName().equals(enclosing))
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
            // calls and method references alike: filter(this::inTheRollout) asks the flag as surely as a call
            List<JavaCodeUnitAccess<?>> accesses = new ArrayList<>(body.getMethodCallsFromSelf());
            accesses.addAll(body.getMethodReferencesFromSelf());
            for (JavaCodeUnitAccess<?> call : accesses) {
                String owner = call.getTargetOwner().getName();
                if (this.flagApi.test(owner, call.getName())) {
                    result = true;
                } else if (owner.startsWith(this.codePackage)) {
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

    private static Set<? extends JavaCodeUnitAccess<?>> accessesTo(JavaCodeUnit unit) {
        if (unit instanceof JavaMethod method) {
            return method.getAccessesToSelf();
        }
        if (unit instanceof JavaConstructor constructor) {
            return constructor.getAccessesToSelf();
        }
        return unit.getCallsOfSelf();
    }

    private static List<JavaCodeUnit> withLambdas(JavaCodeUnit unit) {
        List<JavaCodeUnit> bodies = new ArrayList<>();
        bodies.add(unit);
        unit.getOwner().getCodeUnits().stream()
                .filter(candidate -> candidate.getName().startsWith("lambda$" + unit.getName() + "$"))
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
