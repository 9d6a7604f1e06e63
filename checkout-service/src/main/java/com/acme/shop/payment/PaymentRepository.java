package com.acme.shop.payment;

import com.acme.payments.ChargeResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PaymentRepository {

    private final JdbcClient jdbc;

    public PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long orderId, ChargeResult result) {
        jdbc.sql("""
                        INSERT INTO payments (order_id, transaction_id, amount, status, decline_code)
                        VALUES (:orderId, :transactionId, :amount, :status, :declineCode)""")
                .param("orderId", orderId)
                .param("transactionId", result.transactionId())
                .param("amount", result.amount().value())
                .param("status", result.isApproved() ? PaymentAttempt.APPROVED : PaymentAttempt.DECLINED)
                .param("declineCode", result.declineCode())
                .update();
    }

    public List<PaymentAttempt> findByOrderId(long orderId) {
        return jdbc.sql("""
                        SELECT id, order_id, transaction_id, amount, status, decline_code, created_at
                        FROM payments WHERE order_id = :orderId ORDER BY id""")
                .param("orderId", orderId)
                .query(PaymentRepository::toAttempt)
                .list();
    }

    private static PaymentAttempt toAttempt(ResultSet row, int rowNum) throws SQLException {
        return new PaymentAttempt(
                row.getLong("id"),
                row.getLong("order_id"),
                row.getString("transaction_id"),
                row.getBigDecimal("amount"),
                row.getString("status"),
                row.getString("decline_code"),
                row.getTimestamp("created_at").toInstant());
    }
}
