package dev.assistants4j.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The copy of the model's lists: unmodifiable, never null, no null elements, detached from the source.
 */
class WireListsTests {

	@Test
	void absentOrEmptyListIsTheEmptyList() {
		assertThat(WireLists.copyOfNonNull(null)).isEmpty();
		assertThat(WireLists.copyOfNonNull(new ArrayList<String>())).isEmpty();
	}

	@Test
	void nullElementsAreDroppedInOrder() {
		assertThat(WireLists.copyOfNonNull(Arrays.asList(null, "a", null, "b", null))).containsExactly("a", "b");
		assertThat(WireLists.copyOfNonNull(Arrays.asList((String) null))).isEmpty();
	}

	@Test
	void copyIsUnmodifiableAndDetachedFromTheSource() {
		List<String> source = new ArrayList<>(List.of("a", "b"));
		List<String> copy = WireLists.copyOfNonNull(source);
		source.set(0, "changed");
		assertThat(copy).containsExactly("a", "b");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> copy.add("c"));
		List<String> withNull = WireLists.copyOfNonNull(Arrays.asList("a", null));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> withNull.add("c"));
	}

}
