package io.firedrill.kit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What must be undone when the kit is stopped (Ctrl-C, {@code SIGTERM}) in the middle of a command: the processes it
 * started are stopped, then the folders it was writing are removed. One shutdown hook runs the registered actions,
 * the last registered first (a run registered after its workspace is stopped before the workspace is deleted).
 */
public final class Cleanup {

	private static final Deque<Action> ACTIONS = new ArrayDeque<>();

	private static boolean hooked;

	private Cleanup() {
	}

	/** A registered action; {@link #close()} unregisters it once its owner has cleaned up by itself. */
	public static final class Action implements AutoCloseable {

		private final Runnable runnable;

		private Action(Runnable runnable) {
			this.runnable = runnable;
		}

		@Override
		public void close() {
			synchronized (ACTIONS) {
				ACTIONS.remove(this);
			}
		}

	}

	/** Runs {@code action} if the JVM stops before the returned handle is closed. */
	public static Action onStop(Runnable action) {
		Action registered = new Action(action);
		synchronized (ACTIONS) {
			if (!hooked) {
				Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAll, "firedrill-cleanup"));
				hooked = true;
			}
			ACTIONS.push(registered);
		}
		return registered;
	}

	private static void runAll() {
		while (true) {
			Action next;
			synchronized (ACTIONS) {
				next = ACTIONS.poll();
			}
			if (next == null) {
				return;
			}
			try {
				next.runnable.run();
			}
			catch (RuntimeException ex) {
				// best effort: the others still run
			}
		}
	}

}
