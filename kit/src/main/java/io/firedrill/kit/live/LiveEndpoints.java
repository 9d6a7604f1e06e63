package io.firedrill.kit.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.replay.Ports;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live session's loopback HTTP side: the dashboard page, its state as JSON, and the control endpoints
 * ({@code install}, {@code stop}), which ask for the session's token: a page of another origin cannot send the
 * header, nor read the state file that holds it.
 */
final class LiveEndpoints {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LiveSession session;

	private final String token;

	private final Consumer<String> progress;

	LiveEndpoints(LiveSession session, String token, Consumer<String> progress) {
		this.session = session;
		this.token = token;
		this.progress = progress;
	}

	/** Serves the dashboard and the control endpoints on the loopback, on {@code port} or a free one for 0. */
	HttpServer serve(int requestedPort) throws IOException {
		int port = (requestedPort == 0) ? Ports.freeLoopbackPort() : requestedPort;
		HttpServer http;
		try {
			http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		}
		catch (java.net.BindException ex) {
			throw FiredrillException.input("port " + port + " is taken: choose another --port, or 0 for a free one");
		}
		http.setExecutor(Executors.newFixedThreadPool(4, (runnable) -> {
			Thread thread = new Thread(runnable, "firedrill-live-http");
			thread.setDaemon(true);
			return thread;
		}));
		http.createContext("/", this::handle);
		http.start();
		return http;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (method.equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
				send(exchange, 200, "text/html; charset=utf-8", dashboardPage());
			}
			else if (method.equals("GET") && path.equals("/api/state")) {
				send(exchange, 200, "application/json", JSON.writeValueAsBytes(this.session.state()));
			}
			else if (method.equals("POST") && (path.equals("/api/install") || path.equals("/api/stop"))) {
				if (!this.token.equals(exchange.getRequestHeaders().getFirst("X-Firedrill-Token"))) {
					sendJson(exchange, 403, Map.of("error", "wrong or missing token (read it from " + LiveState.FILE + ")"));
					return;
				}
				if (path.equals("/api/stop")) {
					sendJson(exchange, 200, Map.of("message", "stopping"));
					Thread stopper = new Thread(this.session::requestStop, "firedrill-live-stop");
					stopper.start();
					return;
				}
				JsonNode request = JSON.readTree(exchange.getRequestBody());
				String kind = request.path("kind").asString("deploy");
				String ref = request.path("ref").isString() ? request.path("ref").asString() : null;
				Path repo = request.path("repo").isString() ? Path.of(request.path("repo").asString()) : null;
				try {
					String installedLabel = this.session.install(kind.equals("rollback") ? "rollback" : "deploy", ref, repo);
					sendJson(exchange, 200, Map.of("message", kind + " done: " + installedLabel + " is running",
							"release", installedLabel));
				}
				catch (FiredrillException ex) {
					sendJson(exchange, 409, Map.of("error", ex.getMessage(), "exitCode", ex.exitCode().code()));
				}
			}
			else {
				sendJson(exchange, 404, Map.of("error", "no " + method + " " + path));
			}
		}
		catch (RuntimeException ex) {
			this.progress.accept("dashboard: " + ex);
		}
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream stream = exchange.getResponseBody()) {
			stream.write(body);
		}
	}

	private static void sendJson(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
	}

	private static byte[] dashboardPage() throws IOException {
		try (InputStream page = LiveEndpoints.class.getResourceAsStream("dashboard.html")) {
			if (page == null) {
				throw new IOException("dashboard.html missing from the kit's jar");
			}
			return page.readAllBytes();
		}
	}

}
