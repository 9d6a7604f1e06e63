package io.firedrill.kit.cohort;

/**
 * The part of a roster one machine grades: rows whose 0-based index modulo {@code count} is {@code index}. A GitHub
 * Actions matrix runs chunks {@code 0/N} to {@code N-1/N}; a Kubernetes Indexed Job runs
 * {@code $JOB_COMPLETION_INDEX/<roster size>}, one row each.
 *
 * @param index which chunk, from 0
 * @param count how many chunks the roster is cut into
 */
public record Chunk(int index, int count) {

	/** The whole roster. */
	public static final Chunk ALL = new Chunk(0, 1);

	public Chunk {
		if (count < 1 || index < 0 || index >= count) {
			throw new IllegalArgumentException("'" + index + "/" + count
					+ "' is not a chunk INDEX/COUNT with 0 <= INDEX < COUNT");
		}
	}

	/**
	 * {@code INDEX/COUNT}, as {@code --chunk} takes it.
	 * @throws IllegalArgumentException with a one-line reason otherwise
	 */
	public static Chunk parse(String text) {
		String[] parts = text.strip().split("/", -1);
		if (parts.length != 2 || !parts[0].matches("\\d{1,9}") || !parts[1].matches("\\d{1,9}")) {
			throw new IllegalArgumentException("'" + text + "' is not a chunk INDEX/COUNT such as 0/4");
		}
		return new Chunk(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
	}

	/** Whether the roster row at this 0-based index is in the chunk. */
	public boolean selects(int row) {
		return row % this.count == this.index;
	}

	@Override
	public String toString() {
		return this.index + "/" + this.count;
	}

}
