package io.firedrill.kit.guardrails.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a few Java sources into classes or a jar, for tests that need real bytecode. */
final class JavaSources {

	private JavaSources() {
	}

	/** Compiles {@code sources} (path to content) into {@code out}, with {@code classpath}. */
	static Path compile(Path work, Map<String, String> sources, Path out, String classpath) {
		try {
			Path src = Files.createTempDirectory(work, "src");
			List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-parameters"));
			if (classpath != null) {
				args.addAll(List.of("-cp", classpath));
			}
			for (Map.Entry<String, String> source : sources.entrySet()) {
				Path file = src.resolve(source.getKey());
				Files.createDirectories(file.getParent());
				Files.writeString(file, source.getValue());
				args.add(file.toString());
			}
			Files.createDirectories(out);
			JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
			int status = compiler.run(null, null, null, args.toArray(String[]::new));
			if (status != 0) {
				throw new IllegalStateException("javac failed: " + args);
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path jar(Path classes, Path jar) {
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
				Stream<Path> files = Files.walk(classes)) {
			for (Path path : files.filter(Files::isRegularFile).toList()) {
				out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
				out.write(Files.readAllBytes(path));
				out.closeEntry();
			}
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
