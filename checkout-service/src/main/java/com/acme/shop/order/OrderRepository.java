package com.acme.shop.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Order create(long customerId, BigDecimal amount) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO orders (customer_id, amount, status) VALUES (:customerId, :amount, 'pending')")
                .param("customerId", customerId)
                .param("amount", amount)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return findById(id).orElseThrow(() -> new IllegalStateException("order " + id + " vanished after insert"));
    }

    public Optional<Order> findById(long id) {
        return jdbc.sql("SELECT id, customer_id, amount, status, created_at FROM orders WHERE id = :id")
                .param("id", id)
                .query(OrderRepository::toOrder)
                .optional();
    }

    public void updateStatus(long id, OrderStatus status) {
        jdbc.sql("UPDATE orders SET status = :status WHERE id = :id")
                .param("status", status.code())
                .param("id", id)
                .update();
    }

    private static Order toOrder(ResultSet row, int rowNum) throws SQLException {
        return new Order(
                row.getLong("id"),
                row.getLong("customer_id"),
                row.getBigDecimal("amount"),
                OrderStatus.fromCode(row.getString("status")),
                row.getTimestamp("created_at").toInstant());
    }
}
