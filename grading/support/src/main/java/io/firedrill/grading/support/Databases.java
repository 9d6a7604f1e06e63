package io.firedrill.grading.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh, empty databases of the two kinds the shop runs on. */
public enum Databases {

    H2("H2 (PostgreSQL mode)"),
    POSTGRES("PostgreSQL");

    private static EmbeddedPostgres postgres;

    private final String displayName;

    Databases(String displayName) {
        this.displayName = displayName;
    }

    public DataSource create() {
        return this == H2 ? h2() : postgres();
    }

    @Override
    public String toString() {
        return displayName;
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:drill-" + UUID.randomUUID() + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static synchronized DataSource postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // exiting anyway
                    }
                }));
            }
            String name = "drill_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getDatabase("postgres", name);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL server: " + e, e);
        }
    }
}
