package io.firedrill.kit.replay;

/** A process for {@link ClassDataArchiveTests}: loads a class of its own and says so. */
public final class ClassDataArchiveMain {

	private ClassDataArchiveMain() {
	}

	public static void main(String[] args) {
		System.out.println("started with " + java.util.List.of(args).size() + " arguments");
	}

}
