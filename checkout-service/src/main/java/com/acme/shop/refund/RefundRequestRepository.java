package com.acme.shop.refund;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RefundRequestRepository {

    private final JdbcClient jdbc;

    RefundRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long orderId, BigDecimal amount, String reason) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO refund_requests (order_id, amount, reason, status) VALUES (:orderId, :amount, :reason, :status)")
                .param("orderId", orderId)
                .param("amount", amount)
                .param("reason", reason)
                .param("status", RefundRequest.REQUESTED)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Everything requested for the order so far, except refunds that failed for good. */
    BigDecimal totalRequestedFor(long orderId) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM refund_requests WHERE order_id = :orderId AND status <> 'failed'")
                .param("orderId", orderId)
                .query(BigDecimal.class)
                .single();
    }

    Optional<RefundRequest> findById(long id) {
        return jdbc.sql("""
                        SELECT id, order_id, amount, reason, status, transaction_id, requested_at, processed_at
                        FROM refund_requests WHERE id = :id""")
                .param("id", id)
                .query(RefundRequestRepository::toRequest)
                .optional();
    }

    private static RefundRequest toRequest(ResultSet row, int rowNum) throws SQLException {
        Timestamp processedAt = row.getTimestamp("processed_at");
        return new RefundRequest(
                row.getLong("id"),
                row.getLong("order_id"),
                row.getBigDecimal("amount"),
                row.getString("reason"),
                row.getString("status"),
                row.getString("transaction_id"),
                row.getTimestamp("requested_at").toInstant(),
                processedAt == null ? null : processedAt.toInstant());
    }
}
