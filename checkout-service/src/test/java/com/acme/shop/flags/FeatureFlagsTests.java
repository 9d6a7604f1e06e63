package com.acme.shop.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.getunleash.Unleash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/** Runs the service's Unleash client, as configured without a server, on the flag file it ships with. */
class FeatureFlagsTests {

    @TempDir
    static Path backup;

    private static Unleash unleash;
    private static FeatureFlags flags;

    @BeforeAll
    static void startClientOnTheShippedBootstrapFile() {
        unleash = new FlagsConfiguration().unleash(new FlagsConfiguration.FlagsProperties(
                "checkout-service-tests", "", "", new ClassPathResource("flags/unleash-bootstrap.json"),
                backup.resolve("unleash.json").toString()));
        flags = new FeatureFlags(unleash);
    }

    @AfterAll
    static void stopClient() {
        unleash.shutdown();
    }

    @Test
    void theFreeShippingBannerReachesAboutHalfOfCustomers() {
        long enabled = LongStream.rangeClosed(1, 10_000)
                .filter(customer -> flags.isEnabled(Flags.FREE_SHIPPING_BANNER, customer))
                .count();

        assertThat(enabled).isBetween(4_700L, 5_300L);
    }

    @Test
    void aCustomerGetsTheSameAnswerEveryTime() {
        LongStream.rangeClosed(1, 200).forEach(customer ->
                assertThat(flags.isEnabled(Flags.FREE_SHIPPING_BANNER, customer))
                        .isEqualTo(flags.isEnabled(Flags.FREE_SHIPPING_BANNER, customer)));
    }

    @Test
    void anUnknownFlagIsOff() {
        assertThat(flags.isEnabled("no_such_flag", 1)).isFalse();
    }

    @Test
    void theClientWritesNothingWhenRunningFromTheBootstrapFile() throws Exception {
        flags.isEnabled(Flags.FREE_SHIPPING_BANNER, 1);

        try (var files = Files.list(backup)) {
            assertThat(files).isEmpty();
        }
    }
}
