package io.firedrill.grading.saferollback250;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payments.LedgerEntry;
import com.acme.payments.SandboxGateway;
import io.firedrill.grading.support.Databases;
import io.firedrill.grading.support.Http;
import io.firedrill.grading.support.RunningShop;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Behaviour: the candidate's checkout-service, started on an empty database, takes the checkouts of
 * customers who tick the charity round-up, whatever the cart total. Whether the round-up is still
 * offered (a fix) or ignored (the code rolled back) is the candidate's call; a checkout that fails,
 * or a customer charged for a checkout that did not go through, is not.
 */
class RoundUpCheckoutTests {

    private static final List<String> CARTS = List.of("50.00", "19.99", "100.00");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void aCustomerWhoRoundsUpAnyCartGetsAPaidOrderChargedOnce(Databases kind) {
        try (RunningShop shop = RunningShop.start("com.acme.shop.CheckoutApplication", database(kind))) {
            Http http = new Http(shop.baseUri());
            long customer = 4100;
            for (String cart : CARTS) {
                customer++;
                Http.Response response = http.postJson("/api/checkout",
                        "{\"customerId\": " + customer + ", \"amount\": " + cart + ", \"roundUp\": true}");
                assertThat(response.status())
                        .withFailMessage("on %s, a customer who ticked the round-up with a cart of $%s got %s "
                                + "instead of a created order", kind, cart, response.summary())
                        .isBetween(200, 299);
                long orderId = response.json().get("orderId").asLong();
                String status = shop.jdbc().sql("SELECT status FROM orders WHERE id = :id").param("id", orderId)
                        .query(String.class).single();
                assertThat(status)
                        .withFailMessage("on %s, order %d of a $%s cart with the round-up is '%s' in the database, not paid",
                                kind, orderId, cart, status)
                        .isEqualTo("paid");
                List<LedgerEntry> charges = shop.bean(SandboxGateway.class).ledger().stream()
                        .filter(entry -> entry.reference().equals("order-" + orderId) && entry.isApproved())
                        .toList();
                assertThat(charges)
                        .withFailMessage("on %s, a $%s cart with the round-up was charged %s for the order itself, "
                                + "expected one charge of the cart total", kind, cart, charges)
                        .singleElement()
                        .satisfies(entry -> assertThat(entry.amount().value()).isEqualByComparingTo(new BigDecimal(cart)));
            }
        }
    }

    private static Map<String, String> database(Databases kind) {
        if (kind == Databases.H2) {
            return Map.of();
        }
        DataSource postgres = kind.create();
        return Map.of(
                "spring.datasource.url", ((PGSimpleDataSource) postgres).getUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }
}
