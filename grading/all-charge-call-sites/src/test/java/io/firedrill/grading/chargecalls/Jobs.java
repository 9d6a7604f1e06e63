package io.firedrill.grading.chargecalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.grading.support.RunningShop;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Starts one of the candidate's jobs in this JVM, on the payment SDK 4.0 the hosts carry. */
final class Jobs {

    private Jobs() {
    }

    /**
     * The jobs share a classpath here, so each is started with its own application.properties,
     * read from its own jar, exactly as it is configured on its host.
     */
    static RunningShop start(String applicationClass) {
        return RunningShop.start(applicationClass, properties(applicationClass));
    }

    /** Likewise, with the recorder between the job's Payments bean and its gateway. */
    static RunningShop start(String applicationClass, ChargeCallSites callSites) {
        return RunningShop.start(applicationClass, properties(applicationClass), List.of(callSites.installer()));
    }

    private static Map<String, String> properties(String applicationClass) {
        return Map.of(
                "spring.config.location", "file:" + ownConfiguration(applicationClass),
                "acme.payments.sandbox.declines-per-thousand", "0");
    }

    /** Runs the job's method and names what went wrong in words, e.g. a NoSuchMethodError on the 4.0 SDK. */
    static void run(RunningShop job, String jobClass, String method) {
        Object bean = job.bean(jobClass);
        try {
            RunningShop.invoke(bean, method);
        } catch (Throwable failure) {
            throw new AssertionError(simpleName(jobClass) + "." + method + "() failed on payment SDK 4.0, the SDK the hosts run: "
                    + failure, failure);
        }
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static Path ownConfiguration(String applicationClass) {
        try {
            Class<?> application = Class.forName(applicationClass);
            URL location = application.getProtectionDomain().getCodeSource().getLocation();
            try (URLClassLoader ownJarOnly = new URLClassLoader(new URL[] {location}, null);
                 InputStream properties = ownJarOnly.getResourceAsStream("application.properties")) {
                assertThat(properties).as("application.properties of " + applicationClass).isNotNull();
                Path copy = Files.createTempFile("job-", ".properties");
                Files.copy(properties, copy, StandardCopyOption.REPLACE_EXISTING);
                return copy;
            }
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the job " + applicationClass + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
