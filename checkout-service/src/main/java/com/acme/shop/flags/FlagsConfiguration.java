package com.acme.shop.flags;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.repository.ToggleBootstrapProvider;
import io.getunleash.util.UnleashConfig;
import io.getunleash.util.UnleashScheduledExecutorImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlagsConfiguration.FlagsProperties.class)
class FlagsConfiguration {

    /**
     * Flags come from the bootstrap file when no Unleash server is configured (local runs, tests):
     * polling and metrics are then off, so the client never reaches for the network.
     */
    @Bean(destroyMethod = "shutdown")
    Unleash unleash(FlagsProperties properties) {
        UnleashConfig.Builder config = UnleashConfig.builder()
                .appName(properties.appName())
                .instanceId(properties.appName())
                .toggleBootstrapProvider(bootstrapFrom(properties.bootstrap()))
                // Its own executor: the client's default is a JVM-wide singleton that shutdown() ends for everyone.
                .scheduledExecutor(new UnleashScheduledExecutorImpl())
                .backupFile(properties.backupFile());
        if (properties.url() == null || properties.url().isBlank()) {
            config.unleashAPI("http://localhost/unleash-disabled/api").disablePolling().disableMetrics();
        } else {
            config.unleashAPI(properties.url()).apiKey(properties.apiKey());
        }
        return new DefaultUnleash(config.build());
    }

    private static ToggleBootstrapProvider bootstrapFrom(Resource resource) {
        try {
            String toggles = resource.getContentAsString(StandardCharsets.UTF_8);
            return () -> Optional.of(toggles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feature-flag bootstrap file " + resource, e);
        }
    }

    /**
     * @param url        Unleash API url; empty to run from the bootstrap file alone
     * @param bootstrap  flag definitions used at startup (and only these when {@code url} is empty)
     * @param backupFile where the client caches the last flags it fetched
     */
    @ConfigurationProperties("acme.flags")
    record FlagsProperties(String appName, String url, String apiKey, Resource bootstrap, String backupFile) {
    }
}
