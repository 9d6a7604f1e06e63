package io.firedrill.kit.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.FiredrillException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * One PR of an incident as {@code git format-patch} wrote it: the mail header gives the commit's author, date
 * and message (the single source for them), the rest is the diff.
 *
 * @param fileName the patch's file name, for messages
 * @param author author of the change, with the patch's date and time zone
 * @param subject first line of the commit message, without the {@code [PATCH]} prefix
 * @param body the rest of the commit message (may be empty)
 * @param raw the whole patch file, diff included
 */
public record PatchFile(String fileName, PersonIdent author, String subject, String body, byte[] raw) {

	private static final Pattern PATCH_PREFIX = Pattern.compile("^(\\[PATCH[^\\]]*\\]\\s*)+",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([qQbB])\\?([^?\\s]*)\\?=");

	private static final Pattern BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)[ \\t]+(=\\?)");

	private static final Pattern MAILBOX = Pattern.compile("^\\s*(.*?)\\s*<([^>]*)>\\s*$");

	private static final Pattern DATE_COMMENT = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

	/** The commit message as {@code git am} would record it. */
	public String message() {
		return this.body.isEmpty() ? this.subject + "\n" : this.subject + "\n\n" + this.body + "\n";
	}

	/**
	 * Reads a {@code git format-patch} file.
	 * @param fileName name shown in messages
	 * @param raw the file's bytes (UTF-8)
	 * @return the parsed patch
	 * @throws FiredrillException (input) when the header is missing or malformed
	 */
	public static PatchFile parse(String fileName, byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			lines[i] = stripCarriageReturn(lines[i]);
		}
		int at = (lines.length > 0 && lines[0].startsWith("From ")) ? 1 : 0;
		Map<String, String> headers = new LinkedHashMap<>();
		String name = null;
		StringBuilder value = new StringBuilder();
		for (; at < lines.length; at++) {
			String line = lines[at];
			if (line.isEmpty()) {
				at++;
				break;
			}
			if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
				value.append(line); // unfolding: drop the line break, keep the whitespace
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0 || line.substring(0, colon).contains(" ")) {
				throw invalid(fileName, "no mail header (is it git format-patch output?)");
			}
			putHeader(headers, name, value);
			name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			value = new StringBuilder(line.substring(colon + 1).trim());
		}
		putHeader(headers, name, value);

		String from = required(headers, "from", fileName);
		String date = required(headers, "date", fileName);
		String subject = PATCH_PREFIX.matcher(decode(required(headers, "subject", fileName))).replaceFirst("")
			.strip();
		if (subject.isEmpty()) {
			throw invalid(fileName, "empty Subject: header");
		}
		PersonIdent author = author(fileName, decode(from), date);

		List<String> body = new ArrayList<>();
		boolean diffFound = false;
		for (; at < lines.length; at++) {
			String line = lines[at];
			if (line.equals("---") || line.startsWith("diff --git ")) {
				diffFound = true;
				break;
			}
			body.add(line.stripTrailing());
		}
		if (!diffFound || !text.contains("\ndiff --git ")) {
			throw invalid(fileName, "contains no diff");
		}
		while (!body.isEmpty() && body.get(0).isEmpty()) {
			body.remove(0);
		}
		while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
			body.remove(body.size() - 1);
		}
		return new PatchFile(fileName, author, subject, String.join("\n", body), raw);
	}

	private static void putHeader(Map<String, String> headers, String name, StringBuilder value) {
		if (name != null) {
			headers.putIfAbsent(name, value.toString());
		}
	}

	private static String required(Map<String, String> headers, String name, String fileName) {
		String value = headers.get(name);
		if (value == null || value.isBlank()) {
			String header = Character.toUpperCase(name.charAt(0)) + name.substring(1);
			throw invalid(fileName, "no " + header + ": header");
		}
		return value;
	}

	private static PersonIdent author(String fileName, String from, String date) {
		String authorName;
		String email;
		Matcher mailbox = MAILBOX.matcher(from);
		if (mailbox.matches()) {
			authorName = unquote(mailbox.group(1));
			email = mailbox.group(2).trim();
		}
		else {
			authorName = "";
			email = from.trim();
		}
		if (email.isEmpty() || !email.contains("@")) {
			throw invalid(fileName, "From: header has no e-mail address: " + from);
		}
		if (authorName.isEmpty()) {
			authorName = email.substring(0, email.indexOf('@'));
		}
		ZonedDateTime when;
		try {
			when = ZonedDateTime.parse(DATE_COMMENT.matcher(date).replaceFirst(""),
					DateTimeFormatter.RFC_1123_DATE_TIME);
		}
		catch (DateTimeParseException ex) {
			throw invalid(fileName, "Date: header is not an RFC 2822 date: " + date);
		}
		return new PersonIdent(authorName, email, when.toInstant(), when.getZone());
	}

	private static String unquote(String name) {
		String trimmed = name.trim();
		if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
			return trimmed.substring(1, trimmed.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
		}
		return trimmed;
	}

	/** Decodes RFC 2047 encoded words ({@code =?UTF-8?q?...?=}), as git writes non-ASCII headers. */
	static String decode(String header) {
		String joined = BETWEEN_ENCODED_WORDS.matcher(header).replaceAll("$1$2");
		Matcher word = ENCODED_WORD.matcher(joined);
		StringBuilder out = new StringBuilder();
		while (word.find()) {
			word.appendReplacement(out, Matcher.quoteReplacement(decodeWord(word)));
		}
		word.appendTail(out);
		return out.toString();
	}

	private static String decodeWord(Matcher word) {
		Charset charset;
		try {
			charset = Charset.forName(word.group(1));
		}
		catch (IllegalArgumentException ex) {
			return word.group();
		}
		String encoded = word.group(3);
		if (word.group(2).equalsIgnoreCase("b")) {
			try {
				return new String(Base64.getDecoder().decode(encoded), charset);
			}
			catch (IllegalArgumentException ex) {
				return word.group();
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '_') {
				bytes.write(' ');
			}
			else if (c == '=' && i + 2 < encoded.length() && isHex(encoded.charAt(i + 1))
					&& isHex(encoded.charAt(i + 2))) {
				bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(charset);
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	private static String stripCarriageReturn(String line) {
		return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
	}

	private static FiredrillException invalid(String fileName, String problem) {
		return FiredrillException.input("patch " + fileName + ": " + problem);
	}

}
