package io.firedrill.grading.support;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One of the candidate's Spring Boot applications, started in this JVM on an empty in-memory
 * database. Classes are looked up by name so that the hidden suites compile against any version
 * of the shop.
 */
public final class RunningShop implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningShop(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the application with the shop's embedded defaults, overridden by {@code properties}. */
    public static RunningShop start(String applicationClass, Map<String, String> properties, String... args) {
        return start(applicationClass, properties, List.of(), args);
    }

    /**
     * Likewise, with initializers that run before the application's beans are created (a suite's way to watch the
     * candidate's code from inside its own context, e.g. a bean post-processor around the payment SDK).
     */
    public static RunningShop start(String applicationClass, Map<String, String> properties,
                                    List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers,
                                    String... args) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("spring.datasource.url", "jdbc:h2:mem:grading-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        all.put("acme.data-dir", System.getProperty("java.io.tmpdir") + "/firedrill-grading-" + UUID.randomUUID());
        all.put("acme.flags.backup-file", System.getProperty("java.io.tmpdir") + "/firedrill-grading-" + UUID.randomUUID() + ".json");
        all.put("acme.payments.sandbox.declines-per-thousand", "0");
        all.put("server.port", "0");
        all.put("spring.main.banner-mode", "off");
        all.put("acme.jobs.scheduling.enabled", "false");
        all.putAll(properties);
        try {
            Class<?> application = Class.forName(applicationClass);
            // As command-line arguments: above the shop's own application.properties (which would otherwise win
            // with port 8080, its file database, its 10 % flag file), and known before config files are read,
            // so spring.config.location works too.
            List<String> arguments = new ArrayList<>();
            all.forEach((key, value) -> arguments.add("--" + key + "=" + value));
            arguments.addAll(List.of(args));
            SpringApplicationBuilder builder = new SpringApplicationBuilder(application);
            initializers.forEach(initializer -> builder.initializers(initializer));
            return new RunningShop(builder.run(arguments.toArray(String[]::new)));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the application class " + applicationClass + " is missing", e);
        }
    }

    public URI baseUri() {
        String port = context.getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the application has no web server");
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    /** The single bean of the class with this name, e.g. a job. */
    public Object bean(String className) {
        try {
            return context.getBean(Class.forName(className, true, context.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the class " + className + " is missing", e);
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Calls a no-argument public method by name, whatever it returns, and rethrows what the
     * method threw (an {@link Error} such as {@code NoSuchMethodError} included) unwrapped.
     */
    public static Object invoke(Object target, String method) throws Throwable {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(target.getClass().getSimpleName() + " has no public method " + method + "()", e);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
