package dev.migration.core.baseline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyOrderTests {

	private static final List<String> OBJECTS = List.of("1 type", "3 function", "4 table", "4 other table", "5 view");

	@Test
	void keepsTheGivenOrderWhereNothingDependsOnAnything() {
		assertThat(sort(Map.of())).containsExactly("1 type", "3 function", "4 other table", "4 table", "5 view");
	}

	@Test
	void putsEachObjectAfterWhatItDependsOnAndNoLater() {
		assertThat(sort(Map.of("3 function", Set.of("4 table"), "4 table", Set.of("1 type"))))
			.containsExactly("1 type", "4 other table", "4 table", "3 function", "5 view");
	}

	@Test
	void passesOverKeysOfNoObject() {
		assertThat(sort(Map.of("1 type", Set.of("an extension's type"), "5 view", Set.of("5 view"))))
			.containsExactly("1 type", "3 function", "4 other table", "4 table", "5 view");
	}

	@Test
	void breaksACycleAtTheFirstObjectOfTheOrder() {
		assertThat(sort(Map.of("3 function", Set.of("5 view"), "5 view", Set.of("3 function"))))
			.containsExactly("1 type", "4 other table", "4 table", "3 function", "5 view");
	}

	private static List<String> sort(Map<String, Set<String>> dependsOn) {
		return DependencyOrder.sort(OBJECTS, Function.identity(), Comparator.naturalOrder(), dependsOn);
	}

}
