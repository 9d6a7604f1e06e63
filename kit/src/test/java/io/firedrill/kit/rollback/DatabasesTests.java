package io.firedrill.kit.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

class DatabasesTests {

	@Test
	void aFreshH2SaysItsVersionAndModeAndIsGoneOnceClosed() throws SQLException {
		DataSource dataSource;
		try (Databases.Running h2 = Databases.start(Databases.Kind.H2)) {
			dataSource = h2.dataSource();
			assertThat(h2.describe()).matches("H2 \\d[\\d.]* \\(MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH\\)");
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE kept_until_closed (id INT)");
			}
		}

		// the in-memory database was shut down: a new connection finds an empty one in its place
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("SELECT * FROM kept_until_closed"));
		}
	}

}
