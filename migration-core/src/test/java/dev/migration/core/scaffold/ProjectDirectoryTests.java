package dev.migration.core.scaffold;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProjectDirectoryTests {

	@TempDir
	Path root;

	@Test
	void theProjectIsFoundAboveItsClassesFolder() {
		TempProject.maven(this.root).folder("target/classes");
		assertThat(ProjectDirectory.find(List.of(this.root.resolve("target/classes"))).root()).isEqualTo(this.root);
	}

	@Test
	void aGradleProjectIsFoundAboveItsJar() {
		Path module = this.root.resolve("orders");
		TempProject.maven(this.root).write("orders/build.gradle.kts", "").folder("orders/src/main/java");
		Path jar = module.resolve("build/libs/orders.jar");
		assertThat(ProjectDirectory.find(List.of(jar, this.root)).root()).isEqualTo(module);
	}

	@Test
	void aFolderWithABuildFileButNoSourcesIsPassedOver() {
		TempProject.maven(this.root).write("parent/pom.xml", "<project/>\n").folder("parent/target");
		assertThat(ProjectDirectory.find(List.of(this.root.resolve("parent/target"))).root()).isEqualTo(this.root);
	}

	@Test
	void noProjectIsRefusedNamingTheSettingAndTheSettingIsThenTaken() {
		Path elsewhere = this.root.resolve("elsewhere");
		TempProject.maven(this.root.resolve("project"));
		assertThatExceptionOfType(ProjectNotFoundException.class)
			.isThrownBy(() -> ProjectDirectory.find(List.of(elsewhere)))
			.withMessageStartingWith("Found no project folder to write the new revision into: neither " + elsewhere)
			.withMessageEndingWith("Run the command from the project folder, or set migrations.scaffold.directory to it.");
		assertThat(ProjectDirectory.of(this.root.resolve("project")).root()).isEqualTo(this.root.resolve("project"));
	}

	@Test
	void theSettingNamingASourceFolderIsRefusedSayingWhichFolderToName() {
		TempProject.maven(this.root);
		assertThatExceptionOfType(ProjectNotFoundException.class)
			.isThrownBy(() -> ProjectDirectory.of(this.root.resolve("src/main/java")))
			.withMessageContaining("a source folder, but it names the project folder: set it to " + this.root + ".");
		assertThat(ProjectDirectory.of(this.root).javaSources()).isEqualTo(this.root.resolve("src/main/java"));
	}

	@Test
	void theSettingNamingNoFolderIsRefused() {
		assertThatExceptionOfType(ProjectNotFoundException.class)
			.isThrownBy(() -> ProjectDirectory.of(this.root.resolve("missing")))
			.withMessageEndingWith("is no folder: set it to the project folder, the one holding pom.xml, build.gradle "
					+ "or build.gradle.kts and src/main.");
	}

}
