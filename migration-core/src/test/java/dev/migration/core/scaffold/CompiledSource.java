package dev.migration.core.scaffold;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.ToolProvider;

import dev.migration.core.Migration;

/** Compiles a revision class written by the scaffolding, as the application's build would, and loads it. */
public final class CompiledSource {

	private CompiledSource() {
	}

	/**
	 * Compiles a revision class against the test class path and returns an instance of it.
	 * @param folder where the source and the class go
	 * @param packageName the class's package
	 * @param className its simple name
	 * @param source its text
	 * @return the revision
	 * @throws Exception when it does not compile or load
	 */
	public static Migration migration(Path folder, String packageName, String className, String source)
			throws Exception {
		Path file = folder.resolve(packageName.replace('.', '/')).resolve(className + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
		int status = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", folder.toString(),
					file.toString());
		if (status != 0) {
			throw new IOException(file + " does not compile");
		}
		// left open: the class must stay loadable for as long as the test uses the revision
		URLClassLoader loader = new URLClassLoader(new URL[] { folder.toUri().toURL() },
				CompiledSource.class.getClassLoader());
		return (Migration) loader.loadClass(packageName + "." + className).getConstructor().newInstance();
	}

}
