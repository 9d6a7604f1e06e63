package io.firedrill.kit.grade.run;

/** Test identifiers as {@code criteria.yaml} writes them: {@code fully.qualified.Class#method}. */
public final class TestIds {

	private TestIds() {
	}

	/** {@code Class#method} of a reported test. */
	public static String id(String className, String name) {
		return className + "#" + method(name);
	}

	/**
	 * The method of a reported test name: {@code method(String)[1]}, {@code method()[2]} and {@code method} all give
	 * {@code method}.
	 */
	public static String method(String name) {
		String method = (name != null) ? name.strip() : "";
		int parenthesis = method.indexOf('(');
		if (parenthesis >= 0) {
			method = method.substring(0, parenthesis);
		}
		int bracket = method.indexOf('[');
		if (bracket >= 0) {
			method = method.substring(0, bracket);
		}
		return method.strip();
	}

	/** The class of an id. */
	public static String className(String id) {
		int hash = id.indexOf('#');
		return (hash >= 0) ? id.substring(0, hash) : id;
	}

	/** The top-level class of a (possibly nested) class name: {@code a.B$C} gives {@code a.B}. */
	public static String topLevel(String className) {
		int dollar = className.indexOf('$');
		return (dollar >= 0) ? className.substring(0, dollar) : className;
	}

	/** {@code SimpleClass#method}, for short messages. */
	public static String shortId(String id) {
		String className = className(id);
		String simple = className.substring(className.lastIndexOf('.') + 1);
		return simple + id.substring(className.length());
	}

}
