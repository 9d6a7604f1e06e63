package io.firedrill.grading.flaggated;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the candidate's bytecode: every way the backend reaches the discount service must pass
 * through code that asks the feature-flag API. Gating in the controller, in the service, in a
 * flag-aware decorator or a subclass of the discount service are all accepted.
 */
class CheckoutPathConsultsTheFlagTests {

    private static final String DISCOUNT_SERVICE = "com.acme.shop.discount.DiscountService";

    private static JavaClasses shop;

    @BeforeAll
    static void importTheCandidatesClasses() {
        shop = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/firedrill/"))
                .importPackages("com.acme.shop");
    }

    @Test
    void everyBackendPathToTheDiscountServiceConsultsTheFlag() {
        JavaClass discountService = shop.stream()
                .filter(javaClass -> javaClass.getName().equals(DISCOUNT_SERVICE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the shop has no " + DISCOUNT_SERVICE));

        List<String> ungatedPaths = new FlagPaths(shop).ungatedPathsTo(discountService);

        assertThat(ungatedPaths)
                .withFailMessage("the backend reaches DiscountService without asking the discount_codes flag "
                        + "(a feature behind a flag must be gated where it runs, not only where it is shown): %s", ungatedPaths)
                .isEmpty();
    }

    /** Method-level call graph walk from the discount service's methods up to the entry points. */
    static final class FlagPaths {

        private static final int MAX_PATH = 12;

        private final JavaClasses classes;
        private final Map<JavaCodeUnit, Boolean> consults = new HashMap<>();

        FlagPaths(JavaClasses classes) {
            this.classes = classes;
        }

        List<String> ungatedPathsTo(JavaClass discountService) {
            List<String> ungated = new ArrayList<>();
            for (JavaMethod target : discountService.getMethods()) {
                if (!target.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                        || consultsTheFlag(target) || anOverrideConsultsTheFlag(discountService, target)) {
                    continue;
                }
                Deque<List<JavaCodeUnit>> paths = new ArrayDeque<>();
                paths.push(List.of(target));
                while (!paths.isEmpty()) {
                    List<JavaCodeUnit> path = paths.pop();
                    JavaCodeUnit head = path.get(path.size() - 1);
                    Set<JavaCodeUnit> callers = callersOf(head);
                    callers.removeIf(caller -> path.contains(caller) || caller.getOwner().equals(discountService));
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
            return owner.getAllSubclasses().stream()
                    .flatMap(subclass -> subclass.getMethods().stream())
                    .filter(candidate -> sameSignature(candidate, method))
                    .anyMatch(this::consultsTheFlag);
        }

        /** Direct callers, including calls made through a supertype's declaration of the method. */
        private Set<JavaCodeUnit> callersOf(JavaCodeUnit unit) {
            Set<JavaCodeUnit> callers = new LinkedHashSet<>();
            unit.getCallsOfSelf().forEach(call -> callers.add(call.getOrigin()));
            if (unit instanceof JavaMethod method) {
                for (JavaClass supertype : supertypesOf(method.getOwner())) {
                    supertype.getMethods().stream()
                            .filter(candidate -> sameSignature(candidate, method))
                            .forEach(candidate -> candidate.getCallsOfSelf().forEach(call -> callers.add(call.getOrigin())));
                }
            }
            return callers.stream().map(this::enclosingMethod).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** A lambda body counts as part of the method that declares it (javac names it lambda$method$n). */
        private JavaCodeUnit enclosingMethod(JavaCodeUnit unit) {
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
            Boolean known = consults.get(unit);
            if (known != null) {
                return known;
            }
            if (!visiting.add(unit) || visiting.size() > 8) {
                return false;
            }
            boolean result = false;
            for (JavaCodeUnit body : withLambdas(unit)) {
                for (JavaMethodCall call : body.getMethodCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    if (isFlagApi(owner, call.getName())) {
                        result = true;
                    } else if (owner.startsWith("com.acme.shop.")) {
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
            consults.put(unit, result);
            return result;
        }

        private static boolean isFlagApi(String owner, String method) {
            return (owner.startsWith("io.getunleash.") || owner.startsWith("com.acme.shop.flags."))
                    && method.startsWith("is");
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
}
