package io.firedrill.grading.nodoublecharge260;

import io.firedrill.grading.support.Databases;
import io.firedrill.grading.support.RunningShop;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One shop database, shared by every process started on it (checkout and the retry job, or the retry job on two
 * hosts), as in production.
 */
final class ShopDatabase {

    static final String RETRY_JOB = "com.acme.shop.retry.OrderRetryJobApplication";
    static final String JOB_CLASS = "com.acme.shop.retry.OrderRetryJob";

    private final Databases kind;
    private final Map<String, String> connection;

    private ShopDatabase(Databases kind, Map<String, String> connection) {
        this.kind = kind;
        this.connection = connection;
    }

    static ShopDatabase fresh(Databases kind) {
        if (kind == Databases.H2) {
            return new ShopDatabase(kind, Map.of("spring.datasource.url", "jdbc:h2:mem:shop-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
        }
        DataSource postgres = kind.create();
        return new ShopDatabase(kind, Map.of(
                "spring.datasource.url", ((PGSimpleDataSource) postgres).getUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", ""));
    }

    /**
     * The candidate's retry job on this database, its sandbox gateway answering after {@code gatewayLatency} (a
     * charge is in flight that long), nothing declined.
     */
    RunningShop startRetryJob(String gatewayLatency) {
        Map<String, String> properties = new LinkedHashMap<>(connection);
        properties.put("acme.payments.sandbox.processing-time", gatewayLatency);
        properties.put("acme.payments.sandbox.declines-per-thousand", "0");
        return RunningShop.start(RETRY_JOB, properties);
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
