package com.acme.shop.renewal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** "Today" for renewals is the calendar day in the zone the nightly run is scheduled in. */
    @Bean
    Clock clock(@Value("${acme.jobs.subscription-renewal.zone:UTC}") ZoneId zone) {
        return Clock.system(zone);
    }
}
