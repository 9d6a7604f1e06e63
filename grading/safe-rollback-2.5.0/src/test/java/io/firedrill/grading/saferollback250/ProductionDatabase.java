package io.firedrill.grading.saferollback250;

import io.firedrill.grading.support.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database in the state production is in: it ran v2.3.0's changesets, held orders, ran v2.5.0's
 * changeset, and took orders with round-up donations since the deploy.
 */
final class ProductionDatabase {

    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    final Databases kind;
    final JdbcClient jdbc;
    private final DataSource dataSource;

    private ProductionDatabase(Databases kind) {
        this.kind = kind;
        this.dataSource = kind.create();
        this.jdbc = JdbcClient.create(dataSource);
    }

    static ProductionDatabase asAfterTheV250Deploy(Databases kind) throws Exception {
        ProductionDatabase production = new ProductionDatabase(kind);
        Path released = released();
        production.update(released, "db/changelog/db.changelog-2.3.0.yaml");
        production.jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (101, 19.99, 'paid')").update();
        production.jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (102, 45.00, 'payment_failed')").update();
        production.update(released, CHANGELOG);
        production.orderWithRoundUpAsV250(201, "72.10", "0.90");
        production.orderWithRoundUpAsV250(202, "119.01", "0.99");
        production.jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (203, 30.00, 'paid')").update();
        return production;
    }

    /** The changelog exactly as it ran in production with v2.5.0. */
    static Path released() throws Exception {
        return Path.of(ProductionDatabase.class.getResource("/production-2.5.0").toURI());
    }

    /** The candidate's checkout-service resources, from the graded commit. */
    static Path candidates() {
        Path resources = Path.of(System.getProperty("candidate.dir", "candidate"))
                .resolve("checkout-service/src/main/resources").toAbsolutePath().normalize();
        if (!Files.isRegularFile(resources.resolve(CHANGELOG))) {
            throw new AssertionError("the candidate has no changelog at checkout-service/src/main/resources/" + CHANGELOG);
        }
        return resources;
    }

    void update(Path root, String changelog) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(changelog, new DirectoryResourceAccessor(root), database)) {
                liquibase.update();
            }
        }
    }

    void updateWithTheCandidatesChangelog() throws Exception {
        update(candidates(), CHANGELOG);
    }

    /** A paid order whose customer rounded up, as v2.5.0's checkout leaves it. */
    private void orderWithRoundUpAsV250(long customerId, String amount, String donation) {
        jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (:customerId, " + amount + ", 'paid')")
                .param("customerId", customerId)
                .update();
        jdbc.sql("UPDATE orders SET donation = " + donation + " WHERE customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }

    boolean hasColumn(String table, String column) {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = :table AND LOWER(column_name) = :column")
                .param("table", table)
                .param("column", column)
                .query(Integer.class)
                .single() > 0;
    }

    /** Every order's customer, amount, status and donation, by id. */
    Map<Long, String> ordersWithDonations() {
        Map<Long, String> orders = new LinkedHashMap<>();
        jdbc.sql("SELECT id, customer_id, amount, status, donation FROM orders ORDER BY id")
                .query((row, n) -> orders.put(row.getLong("id"), row.getLong("customer_id") + " | "
                        + row.getBigDecimal("amount").stripTrailingZeros().toPlainString() + " | " + row.getString("status")
                        + " | donation " + plain(row.getBigDecimal("donation"))))
                .list();
        return orders;
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }
}
