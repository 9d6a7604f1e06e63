package io.firedrill.kit.shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A JVM that starts a child through {@link Processes} and waits to be stopped: its shutdown hook must end it. */
public final class ProcessesHookMain {

	private ProcessesHookMain() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		Processes processes = new Processes();
		Process child = processes.start(List.of("sleep", "300"), Map.of(), dir, dir.resolve("hook.log"));
		Path pid = Path.of(args[1]);
		Files.writeString(dir.resolve("pid.tmp"), Long.toString(child.pid()));
		Files.move(dir.resolve("pid.tmp"), pid);
		Thread.sleep(300_000);
	}

}
