package dev.migration.autoconfigure.aot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Revision;
import dev.migration.core.sql.SqlScriptLocations;

/**
 * Gives an ahead-of-time processed application the hints of what the starter reads at run time:
 * the SQL files of every configured {@code classpath:} location, and the annotations of each
 * revision class.
 */
final class MigrationAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final String LOCATIONS = "migrations.locations";

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		Set<String> folders = classpathFolders(beanFactory.getBean(Environment.class));
		Set<Class<?>> revisions = revisionClasses(beanFactory);
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), folders, revisions);
	}

	private static void register(RuntimeHints hints, Set<String> folders, Set<Class<?>> revisions) {
		for (String folder : folders) {
			// the locations are read recursively, every file (a file the run ignores must be named, so it is read too)
			hints.resources().registerPattern(folder.isEmpty() ? "**" : folder + "/**");
		}
		revisions.forEach((type) -> hints.reflection().registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS));
		hints.reflection().registerType(Revision.class);
		hints.reflection().registerType(AllowUnsafe.class);
		hints.reflection().registerType(AllowUnsafe.List.class);
	}

	/** The folders of the {@code classpath:} locations as the build sees them; file locations need no hint. */
	static Set<String> classpathFolders(Environment environment) {
		List<String> locations = Binder.get(environment)
			.bind(LOCATIONS, Bindable.listOf(String.class))
			.orElse(List.of(SqlScriptLocations.DEFAULT_LOCATION));
		Set<String> folders = new LinkedHashSet<>();
		for (String location : locations) {
			String trimmed = location.strip();
			String path = trimmed.startsWith("classpath:") ? trimmed.substring("classpath:".length())
					: (trimmed.contains(":") ? null : trimmed);
			if (path != null) {
				folders.add(trim(path));
			}
		}
		return folders;
	}

	private static String trim(String path) {
		String folder = path.strip();
		while (folder.startsWith("/")) {
			folder = folder.substring(1);
		}
		while (folder.endsWith("/")) {
			folder = folder.substring(0, folder.length() - 1);
		}
		return folder;
	}

	private static Set<Class<?>> revisionClasses(ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> classes = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanNamesForType(Migration.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				classes.add(ClassUtils.getUserClass(type));
			}
		}
		return classes;
	}

}
