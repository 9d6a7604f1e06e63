package com.acme.shop.renewal;

import com.acme.payments.PaymentGateway;
import com.acme.payments.Payments;
import com.acme.payments.SandboxGateway;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsConfiguration.PaymentsProperties.class)
class PaymentsConfiguration {

    static final String SANDBOX = "sandbox";

    @Bean
    SandboxGateway sandboxGateway(PaymentsProperties properties) {
        if (!SANDBOX.equals(properties.gateway())) {
            throw new IllegalStateException("acme.payments.gateway=" + properties.gateway()
                    + " is not supported: only the sandbox gateway is available in this build");
        }
        SandboxGateway.Builder sandbox = SandboxGateway.builder()
                .declinesPerThousand(properties.sandbox().declinesPerThousand())
                .processingTime(properties.sandbox().processingTime());
        properties.sandbox().decliningCustomers().forEach(sandbox::decliningCustomer);
        return sandbox.build();
    }

    @Bean
    Payments payments(PaymentGateway gateway) {
        return Payments.using(gateway);
    }

    @ConfigurationProperties("acme.payments")
    record PaymentsProperties(@DefaultValue(SANDBOX) String gateway, @DefaultValue Sandbox sandbox) {

        /**
         * @param decliningCustomers customers whose charges are always declined, like the hosted
         *                           sandbox's test cards
         */
        record Sandbox(@DefaultValue("1") int declinesPerThousand, @DefaultValue("0ms") Duration processingTime,
                       @DefaultValue List<String> decliningCustomers) {
        }
    }
}
