package dev.migration.autoconfigure.scan;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.aot.AotDetector;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.core.Migration;
import dev.migration.core.Revision;
import dev.migration.core.catalog.InvalidMigrationException;

/**
 * Registers the {@link Revision} classes of the application's packages as beans when nothing
 * else did, the way Boot finds entities, so revisions run in test slices whose filters drop them.
 */
public final class RevisionScan implements BeanDefinitionRegistryPostProcessor, EnvironmentAware,
		ResourceLoaderAware, Ordered {

	/** Turns the scan off. */
	public static final String SCAN_PROPERTY = "migrations.revisions.scan";

	/** How the resource description of a revision the scan registered begins. */
	public static final String SCANNED = "the starter's revision scan of package ";

	/** Packages scanned besides the application's. */
	public static final String PACKAGES_PROPERTY = "migrations.revisions.packages";

	// Boot's shared reader cache, filled by component scanning, so classes are not read twice
	private static final String SHARED_READER_FACTORY = "org.springframework.boot.autoconfigure."
			+ "internalCachingMetadataReaderFactory";

	private Environment environment;

	private ResourceLoader resourceLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		// an AOT-processed application was given the scanned definitions at build time
		if (AotDetector.useGeneratedArtifacts() || !(registry instanceof ConfigurableListableBeanFactory beans)) {
			return;
		}
		Binder binder = Binder.get(this.environment);
		if (!binder.bind(SCAN_PROPERTY, Boolean.class).orElse(true)) {
			return;
		}
		Set<String> packages = packages(beans, binder);
		if (packages.isEmpty()) {
			return;
		}
		Set<String> registered = registeredRevisionClasses(beans);
		ClassPathScanningCandidateComponentProvider scanner = scanner(beans);
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				requireMigration(className, beans.getBeanClassLoader());
				if (registered.add(className) && !registry.containsBeanDefinition(className)
						&& candidate instanceof AbstractBeanDefinition definition) {
					// a failure to make it names where it came from: the failure analysis reads this
					definition.setResourceDescription(SCANNED + basePackage + " (" + definition.getResourceDescription()
							+ ")");
					registry.registerBeanDefinition(className, definition);
				}
			}
		}
	}

	/** A class marked as a revision that is none would be skipped without a word: refuse it. */
	private static void requireMigration(String className, ClassLoader classLoader) {
		Class<?> type = ClassUtils.resolveClassName(className, classLoader);
		if (!Migration.class.isAssignableFrom(type)) {
			throw new InvalidMigrationException(className + " is annotated @Revision but does not implement "
					+ Migration.class.getName() + ": implement it (upgrade, and downgrade where needed) or remove "
					+ "the annotation.");
		}
	}

	private Set<String> packages(ConfigurableListableBeanFactory beans, Binder binder) {
		Set<String> packages = new LinkedHashSet<>();
		if (AutoConfigurationPackages.has(beans)) {
			packages.addAll(AutoConfigurationPackages.get(beans));
		}
		packages.addAll(binder.bind(PACKAGES_PROPERTY, Bindable.listOf(String.class)).orElse(List.of()));
		MigrationProperties.databasesOf(this.environment)
			.values()
			.forEach((database) -> packages.addAll(database.getRevisionPackages()));
		Set<String> stripped = new LinkedHashSet<>();
		packages.stream().map(String::strip).filter((name) -> !name.isEmpty()).forEach(stripped::add);
		return stripped;
	}

	/** The classes of the revisions already defined, by component scanning, imports or bean methods. */
	private static Set<String> registeredRevisionClasses(ConfigurableListableBeanFactory beans) {
		Set<String> classes = new HashSet<>();
		for (String name : beans.getBeanNamesForType(Migration.class, true, false)) {
			Class<?> type = beans.getType(name, false);
			if (type != null) {
				classes.add(type.getName());
			}
		}
		return classes;
	}

	private ClassPathScanningCandidateComponentProvider scanner(ConfigurableListableBeanFactory beans) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				this.environment);
		scanner.setResourceLoader(this.resourceLoader);
		if (beans.containsBean(SHARED_READER_FACTORY)
				&& beans.getBean(SHARED_READER_FACTORY) instanceof MetadataReaderFactory shared) {
			scanner.setMetadataReaderFactory(shared);
		}
		scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
		return scanner;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

}
