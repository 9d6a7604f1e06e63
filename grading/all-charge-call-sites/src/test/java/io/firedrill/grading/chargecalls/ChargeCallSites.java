package io.firedrill.grading.chargecalls;

import com.acme.payments.ChargeRequest;
import com.acme.payments.ChargeResult;
import com.acme.payments.PaymentGateway;
import com.acme.payments.Payments;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Watches, while a job runs, which code calls the SDK's {@code PaymentClient.charge}. The job's {@code Payments} bean
 * is replaced by one over the same gateway with this recorder in front of it; for each charge the recorder looks at
 * the stack (reflection and method-handle frames shown) for the frame that called {@code charge}.
 *
 * <p>A charge is a <em>compiled call</em> when that frame is a method of the candidate's whose bytecode holds an
 * invoke instruction of {@code PaymentClient.charge}: then the compiler checked the call against the SDK the module
 * compiled against. Anything else (Method.invoke, a MethodHandle, Spring's ReflectionUtils, commons-lang's
 * MethodUtils, a helper of the candidate's own, in whatever module) shows up as a JDK reflection frame or a method
 * without such an instruction. This judges what happened, not how the code is spelled.
 */
final class ChargeCallSites implements PaymentGateway {

    private static final String CLIENT = "com.acme.payments.PaymentClient";
    private static final StackWalker STACK = StackWalker.getInstance(
            Set.of(Option.RETAIN_CLASS_REFERENCE, Option.SHOW_REFLECT_FRAMES, Option.SHOW_HIDDEN_FRAMES));

    /** One charge: its merchant reference, the frame that called charge() and the frames below it. */
    record CallSite(String reference, StackFrame caller, List<String> callers) {
    }

    private final List<CallSite> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile PaymentGateway gateway;

    /** Puts the recorder between the job's {@code Payments} bean and the gateway that bean was built on. */
    ApplicationContextInitializer<ConfigurableApplicationContext> installer() {
        return context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof Payments payments) {
                    gateway = gatewayOf(payments);
                    return Payments.using(ChargeCallSites.this);
                }
                return bean;
            }
        });
    }

    @Override
    public ChargeResult process(ChargeRequest request) {
        List<StackFrame> frames = STACK.walk(stream -> stream.limit(64).toList());
        for (int i = 0; i < frames.size() - 1; i++) {
            if (frames.get(i).getClassName().equals(CLIENT) && frames.get(i).getMethodName().equals("charge")) {
                seen.add(new CallSite(request.reference(), frames.get(i + 1), callersUpToTheShop(frames.subList(i + 2, frames.size()))));
                break;
            }
        }
        return gateway.process(request);
    }

    List<CallSite> seen() {
        return List.copyOf(seen);
    }

    /** The charges whose caller is not a compiled call of charge(), described in words. */
    List<String> notCompiledCalls() {
        return seen().stream()
                .filter(site -> !isCompiledCall(site.caller()))
                .map(site -> "the charge for " + site.reference() + " was made by " + whatItIs(site.caller())
                        + ", via " + String.join(" <- ", site.callers()))
                .collect(Collectors.toList());
    }

    /** The frames below the caller down to the second of the shop's (a helper and its user), without the JDK's plumbing. */
    private static List<String> callersUpToTheShop(List<StackFrame> frames) {
        List<String> callers = new ArrayList<>();
        int shopFrames = 0;
        for (StackFrame frame : frames) {
            if (frame.getDeclaringClass().isHidden() || frame.getClassName().startsWith("jdk.internal.")) {
                continue; // the JDK's plumbing between Method.invoke or a MethodHandle and the target says nothing more
            }
            callers.add(describe(frame));
            if (frame.getClassName().startsWith("com.acme.shop.") && ++shopFrames == 2 || callers.size() >= 10) {
                break;
            }
        }
        return callers;
    }

    private static boolean isCompiledCall(StackFrame caller) {
        Class<?> owner = caller.getDeclaringClass();
        if (owner.isHidden() && owner.getName().contains("$$Lambda")) {
            // A method reference (client::charge) runs through a proxy the JVM makes for the class that holds it;
            // javac checked the reference in that class against the SDK like a call.
            return holdsAMethodReferenceToCharge(owner);
        }
        if (isJdk(owner.getName()) || owner.isHidden()) {
            return false;
        }
        try {
            JavaClass javaClass = new ClassFileImporter().importClass(owner);
            Optional<JavaCodeUnit> method = javaClass.getCodeUnits().stream()
                    .filter(unit -> unit.getName().equals(caller.getMethodName())
                            && descriptorOf(unit).equals(caller.getDescriptor()))
                    .findFirst();
            return method.isPresent() && method.get().getMethodCallsFromSelf().stream()
                    .anyMatch(call -> call.getTargetOwner().getName().equals(CLIENT) && call.getName().equals("charge"));
        } catch (RuntimeException unreadable) {
            return false; // no class file to read: generated at run time, so no compiler checked it either
        }
    }

    private static boolean holdsAMethodReferenceToCharge(Class<?> lambdaProxy) {
        String host = lambdaProxy.getName().substring(0, lambdaProxy.getName().indexOf("$$Lambda"));
        try {
            JavaClass javaClass = new ClassFileImporter().importClass(Class.forName(host, false, lambdaProxy.getClassLoader()));
            return javaClass.getCodeUnits().stream()
                    .flatMap(unit -> unit.getMethodReferencesFromSelf().stream())
                    .anyMatch(reference -> reference.getTargetOwner().getName().equals(CLIENT)
                            && reference.getName().equals("charge"));
        } catch (ClassNotFoundException | RuntimeException unreadable) {
            return false;
        }
    }

    private static String whatItIs(StackFrame caller) {
        String name = caller.getClassName();
        if (name.startsWith("jdk.internal.reflect.") || name.startsWith("java.lang.reflect.")) {
            return "Java reflection (Method.invoke)";
        }
        if (name.startsWith("java.lang.invoke.") || caller.getDeclaringClass().isHidden()) {
            return "a method handle";
        }
        return describe(caller) + ", which holds no call to charge() (a library or generated code called it)";
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("com.sun.");
    }

    private static String descriptorOf(JavaCodeUnit unit) {
        StringBuilder descriptor = new StringBuilder("(");
        unit.getRawParameterTypes().forEach(type -> descriptor.append(descriptorOf(type)));
        return descriptor.append(')').append(descriptorOf(unit.getRawReturnType())).toString();
    }

    private static String descriptorOf(JavaClass type) {
        if (type.isArray()) {
            return "[" + descriptorOf(type.getComponentType());
        }
        return switch (type.getName()) {
            case "void" -> "V";
            case "boolean" -> "Z";
            case "byte" -> "B";
            case "char" -> "C";
            case "short" -> "S";
            case "int" -> "I";
            case "long" -> "J";
            case "float" -> "F";
            case "double" -> "D";
            default -> "L" + type.getName().replace('.', '/') + ";";
        };
    }

    private static String describe(StackFrame frame) {
        String className = frame.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "()";
    }

    /** The gateway a {@code Payments} was built on (a private field of the SDK's, read once per job start). */
    private static PaymentGateway gatewayOf(Payments payments) {
        try {
            Field field = Payments.class.getDeclaredField("gateway");
            field.setAccessible(true);
            return (PaymentGateway) field.get(payments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the grader cannot read the gateway of payment SDK 4.0's Payments", e);
        }
    }
}
