package com.acme.shop.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.shop.order.Order;
import com.acme.shop.order.OrderRepository;
import com.acme.shop.order.OrderStatus;
import java.math.BigDecimal;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The changelog on the embedded default (H2 in PostgreSQL mode) and on a real PostgreSQL server. */
class SchemaIntegrationTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void theChangelogAppliesToAnEmptyDatabaseAndIsANoOpTheSecondTime(String database) throws Exception {
        DataSource dataSource = ShopDatabases.of(database);

        ShopDatabases.migrate(dataSource);
        int changesets = countChangesets(dataSource);
        ShopDatabases.migrate(dataSource);

        assertThat(changesets).isGreaterThanOrEqualTo(6);
        assertThat(countChangesets(dataSource)).isEqualTo(changesets);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void ordersRoundTripThroughTheRepository(String database) throws Exception {
        DataSource dataSource = migrated(database);
        OrderRepository orders = new OrderRepository(JdbcClient.create(dataSource));

        Order created = orders.create(123, new BigDecimal("99.99"));
        orders.updateStatus(created.id(), OrderStatus.PAID);

        assertThat(orders.findById(created.id())).get().satisfies(order -> {
            assertThat(order.customerId()).isEqualTo(123);
            assertThat(order.amount()).isEqualByComparingTo("99.99");
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.createdAt()).isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void aSubscriptionPeriodCanOnlyBeRenewedOnce(String database) throws Exception {
        JdbcClient jdbc = JdbcClient.create(migrated(database));
        jdbc.sql("INSERT INTO subscriptions (customer_id, plan, amount, status, next_renewal_on) VALUES (7, 'monthly', 9.99, 'active', DATE '2026-12-01')").update();
        long subscription = jdbc.sql("SELECT id FROM subscriptions").query(Long.class).single();
        String renew = "INSERT INTO subscription_renewals (subscription_id, period_start, status) VALUES (:id, DATE '2026-12-01', 'pending')";

        jdbc.sql(renew).param("id", subscription).update();

        assertThatThrownBy(() -> jdbc.sql(renew).param("id", subscription).update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void paymentsMustBelongToAnOrder(String database) throws Exception {
        JdbcClient jdbc = JdbcClient.create(migrated(database));

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO payments (order_id, amount, status) VALUES (424242, 1.00, 'approved')").update())
                .isInstanceOf(DataAccessException.class)
                // PostgreSQL says 23503, H2 its own 23506; both are integrity violations
                .satisfies(e -> assertThat(sqlState(e)).isIn("23503", "23506"));
    }

    private static DataSource migrated(String database) throws Exception {
        DataSource dataSource = ShopDatabases.of(database);
        ShopDatabases.migrate(dataSource);
        return dataSource;
    }

    private static int countChangesets(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM databasechangelog").query(Integer.class).single();
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
