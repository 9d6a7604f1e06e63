package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortsTests {

	@Test
	void aFreePortIsOneThatCanBeBound() {
		int port = Ports.freeLoopbackPort();
		assertThat(port).isBetween(1024, 65535);
		assertThat(Ports.isFree(port)).isTrue();
	}

}
