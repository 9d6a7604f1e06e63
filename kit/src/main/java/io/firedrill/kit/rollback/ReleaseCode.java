package io.firedrill.kit.rollback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.migration.Changelogs;
import io.firedrill.kit.maven.LocalRepository;
import io.firedrill.kit.shop.HostRuntime;
import io.firedrill.kit.shop.ShopBuild;
import io.firedrill.kit.shop.ShopModules;

/**
 * A release's own persistence code, runnable inside the kit: the module that owns the schema, built with Maven
 * ({@code package -pl <module> -am}), its runnable jar unpacked (classes and every library it ships with) plus the
 * payment SDK its hosts carry, behind a class loader of its own.
 */
final class ReleaseCode implements AutoCloseable {

	private final ShopCheckout shop;

	private final ShopModules.Module module;

	private final Path master;

	private final Path classes;

	private final URLClassLoader loader;

	private ReleaseCode(ShopCheckout shop, ShopModules.Module module, Path master, Path classes, URLClassLoader loader) {
		this.shop = shop;
		this.module = module;
		this.master = master;
		this.classes = classes;
		this.loader = loader;
	}

	/**
	 * Builds the schema's module of a release and loads it.
	 * @param work a scratch directory for the build log and the unpacked jar
	 * @throws IllegalStateException when the release does not build or has no schema
	 */
	static ReleaseCode build(ShopCheckout shop, Path work) {
		Path master = Changelogs.findMasters(shop.dir()).stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(shop.label() + " has no Liquibase changelog"));
		ShopModules.Module module = ShopModules.below(shop.dir())
			.stream()
			.filter((candidate) -> master.startsWith(candidate.in(shop.dir())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no module of " + shop.label() + " holds " + master));
		ShopBuild.Outcome build = ShopBuild.packageShop(shop.dir(), List.of(module.dir()), work.resolve("build.log"));
		if (!build.succeeded()) {
			throw new IllegalStateException(shop.label() + " does not build (" + build.command() + "): " + build.firstError());
		}
		try {
			Path unpacked = Files.createDirectories(work.resolve("classpath"));
			List<URL> urls = new ArrayList<>();
			Path classes = unpack(module.in(shop.dir()), unpacked, urls);
			sdk(shop.dir()).ifPresent((jar) -> urls.add(url(jar)));
			URLClassLoader loader = new URLClassLoader("release " + shop.label(), urls.toArray(URL[]::new),
					ClassLoader.getPlatformClassLoader());
			return new ReleaseCode(shop, module, master, classes, loader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The runnable jar's classes and libraries ({@code BOOT-INF/}), unpacked; its compiled classes otherwise. */
	private static Path unpack(Path module, Path into, List<URL> urls) throws IOException {
		Optional<Path> exec;
		try (Stream<Path> files = Files.list(module.resolve("target"))) {
			exec = files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar")).findFirst();
		}
		if (exec.isEmpty()) {
			throw new IllegalStateException("no runnable jar (*-exec.jar) in " + module.resolve("target"));
		}
		Path classes = Files.createDirectories(into.resolve("classes"));
		Path lib = Files.createDirectories(into.resolve("lib"));
		try (JarFile jar = new JarFile(exec.get().toFile())) {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				String name = entry.getName();
				Path target = null;
				if (name.startsWith("BOOT-INF/classes/") && !entry.isDirectory()) {
					target = classes.resolve(name.substring("BOOT-INF/classes/".length()));
				}
				else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
					target = lib.resolve(name.substring("BOOT-INF/lib/".length()));
				}
				if (target != null) {
					Files.createDirectories(target.getParent());
					try (InputStream in = jar.getInputStream(entry)) {
						Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
		}
		urls.add(url(classes));
		try (Stream<Path> jars = Files.list(lib)) {
			jars.sorted().forEach((file) -> urls.add(url(file)));
		}
		return classes;
	}

	/** The payment SDK the release's hosts carry: from its own build, else the local Maven repository. */
	private static Optional<Path> sdk(Path shop) {
		try {
			HostRuntime runtime = HostRuntime.read(shop);
			Optional<Path> built = runtime.builtPaymentSdk(shop);
			if (built.isPresent() || runtime.paymentSdk().isEmpty()) {
				return built;
			}
			Path cached = LocalRepository.artifact(LocalRepository.locate(), "com.acme.payments", HostRuntime.PAYMENT_SDK,
					runtime.paymentSdk().get());
			return Files.isRegularFile(cached) ? Optional.of(cached) : Optional.empty();
		}
		catch (UncheckedIOException ex) {
			return Optional.empty();
		}
	}

	private static URL url(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The same code with another changelog (the same release plus a changeset, say): the code is not rebuilt. */
	ReleaseCode withChangelog(Path otherMaster) {
		return new ReleaseCode(this.shop, this.module, otherMaster, this.classes, this.loader);
	}

	ShopCheckout shop() {
		return this.shop;
	}

	ShopModules.Module module() {
		return this.module;
	}

	/** The release's master changelog. */
	Path master() {
		return this.master;
	}

	/** Its unpacked production classes. */
	Path classes() {
		return this.classes;
	}

	ClassLoader loader() {
		return this.loader;
	}

	@Override
	public void close() {
		try {
			this.loader.close();
		}
		catch (IOException ex) {
			// the jars are in a scratch directory
		}
	}

}
