package io.firedrill.kit.guardrails.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTypesTests {

	@ParameterizedTest(name = "{0} -> {1} narrows: {2}")
	@CsvSource(delimiter = '|', value = { "varchar(32)|varchar(8)|true", "varchar(32)|varchar(64)|false",
			"varchar(32)|text|false", "text|varchar(255)|true", "bigint|int|true", "int|bigint|false",
			"numeric(12, 2)|numeric(14,2)|false", "numeric(12,2)|numeric(12,0)|true", "numeric(12,2)|numeric(10,2)|true",
			"numeric(12,2)|int|true", "int|numeric(12,2)|false", "varchar(32)|int|true", "json|jsonb|false",
			"timestamp|timestamp with time zone|false", "${amount.type}|int|false" })
	void narrowing(String from, String to, boolean narrows) {
		assertThat(SqlTypes.narrowing(from, to).isPresent()).isEqualTo(narrows);
	}

}
