package io.firedrill.kit.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What {@code live deploy}, {@code rollback}, {@code status} and {@code stop} use to talk to the session. */
public final class LiveClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A deploy builds first: as long as a build may take, and the stop-start. */
	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(25);

	private final LiveState state;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private LiveClient(LiveState state) {
		this.state = state;
	}

	/**
	 * The session whose state file is in {@code out}.
	 * @throws FiredrillException ({@link ExitCode#NO_SESSION}) when there is none
	 */
	public static LiveClient of(Path out) {
		try {
			return new LiveClient(LiveState.read(out).orElseThrow(() -> new FiredrillException(ExitCode.NO_SESSION,
					"no live session in " + out + " (no " + LiveState.FILE + "): start one with 'firedrill live"
							+ " <incident> --out " + out + "'")));
		}
		catch (IllegalArgumentException ex) {
			throw new FiredrillException(ExitCode.NO_SESSION, out.resolve(LiveState.FILE) + " is damaged ("
					+ ex.getMessage() + "): the session is gone; start a new one");
		}
		catch (IOException ex) {
			throw new FiredrillException(ExitCode.NO_SESSION, "cannot read " + out.resolve(LiveState.FILE) + ": " + ex.getMessage());
		}
	}

	public LiveState state() {
		return this.state;
	}

	/** The dashboard's JSON. */
	public JsonNode status() {
		return send(HttpRequest.newBuilder(uri("/api/state")).timeout(Duration.ofSeconds(10)).GET().build());
	}

	/** Installs a release; returns the session's one-line answer. */
	public String install(String kind, String ref, Path repo) {
		Map<String, String> body = new java.util.LinkedHashMap<>();
		body.put("kind", kind);
		if (ref != null) {
			body.put("ref", ref);
		}
		if (repo != null) {
			body.put("repo", repo.toAbsolutePath().normalize().toString());
		}
		return send(post("/api/install", JSON.writeValueAsString(body), INSTALL_TIMEOUT)).path("message").asString();
	}

	public void stop() {
		send(post("/api/stop", "{}", Duration.ofSeconds(10)));
	}

	private HttpRequest post(String path, String body, Duration timeout) {
		return HttpRequest.newBuilder(uri(path)).timeout(timeout)
			.header("Content-Type", "application/json")
			.header("X-Firedrill-Token", this.state.token())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private URI uri(String path) {
		return URI.create(this.state.dashboard()).resolve(path);
	}

	private JsonNode send(HttpRequest request) {
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new FiredrillException(ExitCode.NO_SESSION, "the live session of " + this.state.dashboard()
					+ " does not answer (" + ex.getClass().getSimpleName() + "): it has ended; start a new one");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FiredrillException(ExitCode.NO_SESSION, "interrupted while waiting for the live session");
		}
		JsonNode json;
		try {
			json = JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new FiredrillException(ExitCode.NO_SESSION, "the program on " + this.state.dashboard()
					+ " is not a live session (answered " + response.statusCode() + ")");
		}
		if (response.statusCode() != 200) {
			int code = json.path("exitCode").asInt(ExitCode.SHOP.code());
			ExitCode exitCode = java.util.Arrays.stream(ExitCode.values()).filter((c) -> c.code() == code).findFirst()
				.orElse(ExitCode.SHOP);
			throw new FiredrillException(exitCode, json.path("error").asString("the session answered " + response.statusCode()));
		}
		return json;
	}

}
