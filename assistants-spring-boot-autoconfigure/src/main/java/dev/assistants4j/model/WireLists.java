package dev.assistants4j.model;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The copy every list of the wire model's records makes: unmodifiable, never {@code null}, without the
 * {@code null} elements a server may send. Used by the records' constructors; applications have no need of it.
 */
public final class WireLists {

	private WireLists() {
	}

	/**
	 * Copies a list without its {@code null} elements.
	 * @param <T> the element type
	 * @param list the list, or {@code null} for none
	 * @return an unmodifiable copy; an empty list for {@code null} or an empty list
	 */
	public static <T> List<T> copyOfNonNull(@Nullable List<? extends @Nullable T> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		int size = list.size();
		for (int i = 0; i < size; i++) {
			if (list.get(i) == null) {
				return withoutNulls(list);
			}
		}
		// Decoded lists hold no nulls: one copy, no stream pipeline.
		return List.copyOf(list);
	}

	private static <T> List<T> withoutNulls(List<? extends @Nullable T> list) {
		List<T> copy = new ArrayList<>(list.size());
		for (T element : list) {
			if (element != null) {
				copy.add(element);
			}
		}
		return List.copyOf(copy);
	}

}
