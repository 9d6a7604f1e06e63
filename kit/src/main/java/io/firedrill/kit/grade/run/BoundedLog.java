package io.firedrill.kit.grade.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's output written to its log with a bound: the candidate's code writes into it, and may write without end.
 * The first {@link #HEAD_LIMIT} bytes are kept as written, then only the last {@link #TAIL_LIMIT} (where Maven's
 * closing report is), with one line between them that says how much was left out. Reading a log back is bounded the
 * same way, by lines.
 */
public final class BoundedLog {

	/** Bytes kept from the start of a run's output. */
	public static final int HEAD_LIMIT = 24 * 1024 * 1024;

	/** Bytes kept from the end of a run's output, once it went past {@link #HEAD_LIMIT}. */
	public static final int TAIL_LIMIT = 8 * 1024 * 1024;

	/** Starts the line that stands for the output left out. */
	public static final String CUT = "[firedrill] ---- output cut: ";

	private BoundedLog() {
	}

	/** Copies {@code in} to {@code out} until its end, keeping the head and the tail as the class says. */
	static void copy(InputStream in, OutputStream out) throws IOException {
		copy(in, out, HEAD_LIMIT, TAIL_LIMIT);
	}

	static void copy(InputStream in, OutputStream out, int headLimit, int tailLimit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long written = 0;
		long dropped = 0;
		byte[] tail = new byte[tailLimit];
		int tailStart = 0;
		int tailLength = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			int offset = 0;
			if (written < headLimit) {
				int head = (int) Math.min(read, headLimit - written);
				out.write(buffer, 0, head);
				written += head;
				offset = head;
			}
			for (int i = offset; i < read; i++) {
				if (tailLength == tailLimit) {
					tailStart = (tailStart + 1) % tailLimit;
					tailLength--;
					dropped++;
				}
				tail[(tailStart + tailLength) % tailLimit] = buffer[i];
				tailLength++;
			}
		}
		if (tailLength == 0) {
			return;
		}
		if (dropped > 0) {
			// the kept tail starts at a whole line
			int skip = 0;
			while (skip < tailLength && tail[(tailStart + skip) % tailLimit] != '\n') {
				skip++;
			}
			skip = Math.min(skip + 1, tailLength);
			dropped += skip;
			tailStart = (tailStart + skip) % tailLimit;
			tailLength -= skip;
			out.write(("\n" + CUT + dropped + " bytes left out here ----\n").getBytes(StandardCharsets.UTF_8));
		}
		for (int i = 0; i < tailLength; i++) {
			out.write(tail[(tailStart + i) % tailLimit]);
		}
	}

	/**
	 * A log's lines, decoded leniently (a broken byte is replaced, never an error), each cut to
	 * {@link BuildLog#LINE_LIMIT} characters; a missing log has none.
	 */
	public static List<String> readLines(Path log) {
		byte[] bytes;
		try {
			if (Files.size(log) > (long) HEAD_LIMIT + TAIL_LIMIT + 1024) {
				// not written by copy: read its head and tail only
				try (InputStream in = Files.newInputStream(log); var out = new java.io.ByteArrayOutputStream()) {
					copy(in, out);
					bytes = out.toByteArray();
				}
			}
			else {
				bytes = Files.readAllBytes(log);
			}
		}
		catch (IOException ex) {
			return List.of();
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\\R", -1)) {
			lines.add((line.length() > BuildLog.LINE_LIMIT) ? line.substring(0, BuildLog.LINE_LIMIT) : line);
		}
		if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

}
