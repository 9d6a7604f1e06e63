package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for the services the replay starts: only ports it has just bound itself. */
public final class Ports {

	private Ports() {
	}

	/**
	 * A port of the loopback interface that was free a moment ago: the system picks one, the port is bound to
	 * prove it, then released for the service to take.
	 */
	public static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(false);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot find a free port on the loopback interface", ex);
		}
	}

	/** Whether {@code port} can be bound on the loopback interface right now. */
	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
