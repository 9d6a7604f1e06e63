package io.firedrill.grading.migration;

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
 * A database in the state production is in: it ran v2.3.0's changesets, held orders, ran
 * v2.4.0's changesets, and took orders with metadata since the deploy.
 */
final class ProductionDatabase {

    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    final Databases kind;
    final DataSource dataSource;
    final JdbcClient jdbc;

    private ProductionDatabase(Databases kind) {
        this.kind = kind;
        this.dataSource = kind.create();
        this.jdbc = JdbcClient.create(dataSource);
    }

    static ProductionDatabase asAfterTheV240Deploy(Databases kind) throws Exception {
        ProductionDatabase production = new ProductionDatabase(kind);
        Path changelogs = Path.of(ProductionDatabase.class.getResource("/production-2.4.0").toURI());
        production.update(changelogs, "db/changelog/db.changelog-2.3.0.yaml");
        production.jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (101, 19.99, 'paid')").update();
        production.jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (102, 45.00, 'payment_failed')").update();
        production.update(changelogs, CHANGELOG);
        production.insertAsV240("{\"channel\":\"web\",\"userAgent\":\"Mozilla/5.0\"}", 201, "72.00");
        production.insertAsV240("{\"channel\":\"ios\"}", 202, "120.00");
        return production;
    }

    /** Runs Liquibase update with the changelog found under {@code root}, recorded by its relative path. */
    void update(Path root, String changelog) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(changelog, new DirectoryResourceAccessor(root), database)) {
                liquibase.update();
            }
        }
    }

    /** The candidate's changelog, from the checkout-service sources of the graded commit. */
    void updateWithTheCandidatesChangelog() throws Exception {
        Path resources = Path.of(System.getProperty("candidate.dir", "candidate"))
                .resolve("checkout-service/src/main/resources").toAbsolutePath().normalize();
        if (!Files.isRegularFile(resources.resolve(CHANGELOG))) {
            throw new AssertionError("the candidate has no changelog at checkout-service/src/main/resources/" + CHANGELOG);
        }
        update(resources, CHANGELOG);
    }

    /** v2.3.0's INSERT, exactly as its OrderRepository issues it. */
    void insertAsV230(long customerId, String amount) {
        jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (:customerId, " + amount + ", 'pending')")
                .param("customerId", customerId)
                .update();
    }

    /** v2.4.0's INSERT, as its OrderRepository issues it on this kind of database. */
    void insertAsV240(String metadata, long customerId, String amount) {
        String json = kind == Databases.H2 ? ":metadata FORMAT JSON" : "CAST(:metadata AS JSONB)";
        jdbc.sql("INSERT INTO orders (customer_id, amount, status, order_metadata) VALUES (:customerId, " + amount
                        + ", 'pending', " + json + ")")
                .param("customerId", customerId)
                .param("metadata", metadata)
                .update();
    }

    /** Every order's customer, amount, status and metadata, by id; metadata normalised for comparison. */
    Map<Long, String> orders() {
        Map<Long, String> orders = new LinkedHashMap<>();
        jdbc.sql("SELECT id, customer_id, amount, status, CAST(order_metadata AS VARCHAR) AS metadata FROM orders ORDER BY id")
                .query((row, n) -> orders.put(row.getLong("id"), row.getLong("customer_id") + " | "
                        + row.getBigDecimal("amount").stripTrailingZeros().toPlainString() + " | " + row.getString("status")
                        + " | " + normalise(row.getString("metadata"))))
                .list();
        return orders;
    }

    boolean hasColumn(String table, String column) {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = :table AND LOWER(column_name) = :column")
                .param("table", table)
                .param("column", column)
                .query(Integer.class)
                .single() > 0;
    }

    private static String normalise(String json) {
        return json == null ? "null" : json.replace(" ", "");
    }
}
