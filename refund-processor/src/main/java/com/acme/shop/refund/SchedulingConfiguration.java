package com.acme.shop.refund;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the job on its schedule; switched off when the application is started to run the job once. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = SchedulingConfiguration.ENABLED_PROPERTY, matchIfMissing = true)
class SchedulingConfiguration {

    static final String ENABLED_PROPERTY = "acme.jobs.scheduling.enabled";
}
