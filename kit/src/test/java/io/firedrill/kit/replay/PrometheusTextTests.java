package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import io.firedrill.kit.replay.PrometheusText.Sample;
import org.junit.jupiter.api.Test;

class PrometheusTextTests {

	@Test
	void readsNamesLabelsAndValuesAndSkipsComments() {
		List<Sample> samples = PrometheusText.parse("""
				# HELP http_server_requests_seconds
				# TYPE http_server_requests_seconds histogram
				http_server_requests_seconds_bucket{method="POST",status="201",uri="/api/checkout",le="0.001"} 3
				http_server_requests_seconds_bucket{method="POST",status="201",uri="/api/checkout",le="+Inf"} 5.0
				process_cpu_usage 0.25
				jvm_info{runtime="OpenJDK",} 1.0 1700000000000
				""");

		assertThat(samples).hasSize(4);
		assertThat(samples.get(0).name()).isEqualTo("http_server_requests_seconds_bucket");
		assertThat(samples.get(0).labels()).containsEntry("uri", "/api/checkout").containsEntry("le", "0.001");
		assertThat(samples.get(0).value()).isEqualTo(3.0);
		assertThat(samples.get(1).label("le")).isEqualTo("+Inf");
		assertThat(samples.get(2).labels()).isEmpty();
		assertThat(samples.get(3).value()).isEqualTo(1.0);
	}

	@Test
	void unescapesLabelValues() {
		Sample sample = PrometheusText.parseLine("m{a=\"say \\\"hi\\\"\",b=\"back\\\\slash\",c=\"two\\nlines\",d=\"{,}\"} 1");

		assertThat(sample.labels()).containsEntry("a", "say \"hi\"")
			.containsEntry("b", "back\\slash")
			.containsEntry("c", "two\nlines")
			.containsEntry("d", "{,}");
	}

	@Test
	void readsSpecialValuesAndIgnoresExemplars() {
		assertThat(PrometheusText.parseLine("m +Inf").value()).isInfinite();
		assertThat(PrometheusText.parseLine("m NaN").value()).isNaN();
		assertThat(PrometheusText.parseLine("m{le=\"0.1\"} 7 # {trace_id=\"abc\"} 0.05").value()).isEqualTo(7.0);
		assertThat(PrometheusText.parseLine("m 1.5e3").value()).isEqualTo(1500.0);
	}

	@Test
	void aBrokenLineIsReportedWithItsNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> PrometheusText.parse("ok 1\nbroken{a=\"x\" 1\n"))
			.withMessageContaining("line 2");
		assertThatIllegalArgumentException().isThrownBy(() -> PrometheusText.parse("novalue\n"))
			.withMessageContaining("line 1");
	}

}
