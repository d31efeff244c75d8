package dev.migration.benchmarks.parsers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The jars a parser brings: its version, and how many jars and megabytes it adds to an application. */
public final class Jars {

	private static final Pattern VERSION = Pattern.compile(".*-(\\d[^-]*(?:-[A-Za-z]+)?)\\.jar");

	private Jars() {
	}

	/**
	 * Returns the version of the jar a class was loaded from, read from the jar's file name as a
	 * Maven repository names it.
	 * @param type a class of the parser
	 * @return the version, such as {@code 5.3}, or {@code ?}
	 */
	public static String versionOf(Class<?> type) {
		try {
			Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
			Matcher matcher = VERSION.matcher(jar.getFileName().toString());
			return matcher.matches() ? matcher.group(1) : "?";
		}
		catch (URISyntaxException | RuntimeException ex) {
			return "?";
		}
	}

	/**
	 * Describes the jars of a class path file that are not already on the baseline's, compared by
	 * artifact (the folder above the version in a Maven repository), as Maven would resolve both
	 * into one application to a single version.
	 * @param classPath a file holding the parser's class path, as {@code dependency:build-classpath} writes it
	 * @param baseline a file holding the class path the application has without the parser, or null
	 * @return such as {@code 1 jar, 1.26 MB}, or {@code none}
	 */
	public static String added(Path classPath, Path baseline) {
		List<Path> jars = read(classPath);
		Set<Path> present = read(baseline).stream().map(Jars::artifact).collect(Collectors.toSet());
		List<Path> added = jars.stream().filter((jar) -> !present.contains(artifact(jar))).toList();
		if (added.isEmpty()) {
			return "none";
		}
		long bytes = added.stream().mapToLong(Jars::size).sum();
		return String.format("%d jar%s, %.2f MB", added.size(), (added.size() == 1) ? "" : "s", bytes / 1e6);
	}

	private static List<Path> read(Path file) {
		if (file == null) {
			return List.of();
		}
		try {
			String text = Files.readString(file).strip();
			return text.isEmpty() ? List.of()
					: Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path artifact(Path jar) {
		Path versionFolder = jar.toAbsolutePath().getParent();
		return (versionFolder.getParent() != null) ? versionFolder.getParent() : versionFolder;
	}

	private static long size(Path jar) {
		try {
			return Files.size(jar);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
