package io.firedrill.grading.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds orders straight into the shop's database, whatever release its schema is at: a schema
 * that has {@code order_metadata} gets an empty object for it, so the seed does not depend on
 * whether the candidate made that column optional.
 */
public final class Orders {

    private Orders() {
    }

    /** Inserts an order and returns its id. */
    public static long insert(JdbcClient jdbc, long customerId, String amount, String status) {
        boolean hasMetadata = jdbc.sql("""
                        SELECT COUNT(*) FROM information_schema.columns
                        WHERE LOWER(table_name) = 'orders' AND LOWER(column_name) = 'order_metadata'""")
                .query(Integer.class).single() > 0;
        String sql = hasMetadata
                ? "INSERT INTO orders (customer_id, amount, status, order_metadata) VALUES (:customer, " + amount + ", :status, '{}')"
                : "INSERT INTO orders (customer_id, amount, status) VALUES (:customer, " + amount + ", :status)";
        jdbc.sql(sql).param("customer", customerId).param("status", status).update();
        return jdbc.sql("SELECT MAX(id) FROM orders WHERE customer_id = :customer")
                .param("customer", customerId).query(Long.class).single();
    }
}
