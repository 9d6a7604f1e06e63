package io.firedrill.grading.chargecalls;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the bytecode of every module the candidate built, the four shop modules and any new one. */
class NoOldChargeCallsTests {

    private static final String SDK = "com.acme.payments.";

    private static JavaClasses shop;

    @BeforeAll
    static void importTheCandidatesBytecode() {
        shop = CandidateBytecode.importAll();
    }

    @Test
    void noClassCallsTheChargeMethodRemovedIn4() {
        // By name: charge(Amount) is absent from the SDK a correct solution compiles against.
        ArchRule rule = noClasses()
                .should().callMethod("com.acme.payments.PaymentClient", "charge", "com.acme.payments.Amount")
                .because("payment SDK 4.0, which every host runs, removed charge(Amount): the call fails with NoSuchMethodError");
        rule.check(shop);
    }

    /**
     * Every module links on the SDK the hosts run: each method, constructor and field of the SDK the candidate's
     * bytecode uses exists in SDK 4.0 (loaded here), whatever SDK version the module compiled against.
     */
    @Test
    void everyCallIntoThePaymentSdkExistsInSdk4() {
        Set<String> missing = new TreeSet<>();
        for (JavaClass javaClass : shop) {
            for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                String owner = access.getTargetOwner().getName();
                if (owner.startsWith(SDK) && !existsInSdk4(access)) {
                    missing.add(javaClass.getSimpleName() + " uses " + access.getTarget().getDescription()
                            + " (" + access.getSourceCodeLocation() + ")");
                }
            }
        }
        assertThat(missing)
                .withFailMessage("the candidate's code uses payment SDK methods that SDK 4.0, the SDK every host runs, does not "
                        + "have; each fails with NoSuchMethodError on the hosts: %s", String.join("; ", missing))
                .isEmpty();
    }

    /**
     * A class that works with the payment SDK must not also call methods by name (Java reflection, method handles,
     * Spring's ReflectionUtils, commons-lang's MethodUtils, or a helper of its own that does): such a call is
     * invisible to the compiler, exactly the breakage the upgrade must surface. The jobs' runs check the same at run
     * time ({@link CompiledChargeCallsTests}); this rule also covers code no job run reaches.
     */
    @Test
    void noClassReachesThePaymentSdkThroughReflection() {
        Reflection reflection = new Reflection(shop);
        Set<String> found = new TreeSet<>();
        for (JavaClass javaClass : shop) {
            if (!worksWithThePaymentSdk(javaClass)) {
                continue;
            }
            // One line per class: the method closest to the reflective call says it best.
            javaClass.getCodeUnits().stream()
                    .flatMap(unit -> reflection.reachedFrom(unit).map(how -> javaClass.getSimpleName() + "." + unit.getName()
                            + "() works with the payment SDK and calls by name through " + how).stream())
                    .min(java.util.Comparator.comparingInt(String::length))
                    .ifPresent(found::add);
        }
        assertThat(found)
                .withFailMessage("the candidate's code reaches the payment SDK through reflection, so the compiler cannot check "
                        + "those calls against SDK 4.0: %s", String.join("; ", found))
                .isEmpty();
    }

    private static boolean worksWithThePaymentSdk(JavaClass javaClass) {
        return javaClass.getDirectDependenciesFromSelf().stream()
                .anyMatch(dependency -> dependency.getTargetClass().getName().startsWith(SDK));
    }

    private static boolean existsInSdk4(JavaAccess<?> access) {
        Class<?> owner;
        try {
            owner = Class.forName(access.getTargetOwner().getName(), false, NoOldChargeCallsTests.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        String name = access.getName();
        if (access instanceof JavaFieldAccess) {
            for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
                if (Arrays.stream(type.getDeclaredFields()).anyMatch(field -> field.getName().equals(name))) {
                    return true;
                }
            }
            return Arrays.stream(owner.getFields()).anyMatch(field -> field.getName().equals(name));
        }
        if (!(access instanceof JavaCodeUnitAccess<?> call)) {
            return true;
        }
        List<String> parameters = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
        if (name.equals("<init>")) {
            return Arrays.stream(owner.getDeclaredConstructors()).anyMatch(c -> names(c.getParameterTypes()).equals(parameters));
        }
        for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
            if (Arrays.stream(type.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(name) && names(m.getParameterTypes()).equals(parameters))) {
                return true;
            }
        }
        return Arrays.stream(owner.getMethods())
                .anyMatch(m -> m.getName().equals(name) && names(m.getParameterTypes()).equals(parameters));
    }

    private static List<String> names(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getName).toList();
    }

    /** Which code units call a method by name, directly or through the candidate's own helpers (memoized). */
    static final class Reflection {

        /** The JDK's reflection and method handles, and helper libraries that call a method given its name. */
        private static final Pattern HELPER = Pattern.compile(
                "(java\\.lang\\.reflect\\..*|java\\.lang\\.invoke\\..*|java\\.beans\\.(Statement|Expression|EventHandler)"
                        + "|org\\.apache\\.commons\\.lang3?\\.reflect\\..*|org\\.apache\\.commons\\.beanutils\\..*"
                        + "|org\\.springframework\\.expression\\..*|org\\.springframework\\.util\\.MethodInvoker"
                        + "|org\\.joor\\..*|.*\\.[A-Za-z]*(Reflection|Reflect|Method|Invoker)Utils?)");
        private static final Set<String> CLASS_LOOKUPS = Set.of("getMethod", "getMethods", "getDeclaredMethod",
                "getDeclaredMethods", "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors");

        private final JavaClasses candidate;
        private final Map<JavaCodeUnit, Optional<String>> known = new HashMap<>();

        Reflection(JavaClasses candidate) {
            this.candidate = candidate;
        }

        /** How {@code unit} calls by name, e.g. "ReflectionUtils.invokeMethod()", or empty when it does not. */
        Optional<String> reachedFrom(JavaCodeUnit unit) {
            if (known.containsKey(unit)) {
                return known.get(unit);
            }
            known.put(unit, Optional.empty()); // a cycle of the candidate's own methods adds nothing
            Optional<String> how = Optional.empty();
            for (JavaCodeUnitAccess<?> access : accessesFrom(unit)) {
                String owner = access.getTargetOwner().getName();
                String target = access.getTargetOwner().getSimpleName() + "." + access.getName() + "()";
                if (HELPER.matcher(owner).matches()
                        || owner.equals("java.lang.Class") && CLASS_LOOKUPS.contains(access.getName())) {
                    how = Optional.of(target);
                } else if (!owner.startsWith(SDK) && candidate.contain(owner)) {
                    // Into the candidate's own code only: libraries are judged by name above, not by what they do inside.
                    how = access.getTarget().resolveMember()
                            .flatMap(callee -> reachedFrom((JavaCodeUnit) callee))
                            .map(inner -> target + ", which uses " + inner);
                }
                if (how.isPresent()) {
                    break;
                }
            }
            known.put(unit, how);
            return how;
        }

        private static List<JavaCodeUnitAccess<?>> accessesFrom(JavaCodeUnit unit) {
            List<JavaCodeUnitAccess<?>> accesses = new java.util.ArrayList<>(unit.getCallsFromSelf());
            accesses.addAll(unit.getCodeUnitReferencesFromSelf());
            return accesses;
        }
    }
}
