package com.acme.shop.refund;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Pays out the refunds customers requested through checkout-service, every minute.
 *
 * <p>Started with {@code --run-once} it processes one batch, logs a summary and exits instead:
 * exit code 0 when the run completed, 1 when it failed.
 */
@SpringBootApplication
public class RefundProcessorApplication {

    static final String RUN_ONCE_OPTION = "run-once";

    private static final Logger log = LoggerFactory.getLogger(RefundProcessorApplication.class);

    public static void main(String[] args) {
        if (new DefaultApplicationArguments(args).containsOption(RUN_ONCE_OPTION)) {
            System.exit(runOnce(args));
        }
        SpringApplication.run(RefundProcessorApplication.class, args);
    }

    /** Starts the application without its schedule, runs the job once and returns the process exit code. */
    static int runOnce(String... args) {
        ConfigurableApplicationContext context;
        try {
            context = startWithoutScheduling(args);
        } catch (Throwable ex) {
            // SpringApplication has already reported why the application could not start.
            return 1;
        }
        try (context) {
            context.getBean(RefundProcessor.class).processRefundRequests();
            return 0;
        } catch (Throwable ex) {
            log.error("Refund processing failed", ex);
            return 1;
        }
    }

    static ConfigurableApplicationContext startWithoutScheduling(String... args) {
        SpringApplication application = new SpringApplication(RefundProcessorApplication.class);
        // Takes precedence over every other property source, so no configuration can start the
        // schedule next to the single run.
        application.addInitializers(context -> context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("runOnce", Map.of(SchedulingConfiguration.ENABLED_PROPERTY, "false"))));
        return application.run(args);
    }
}
