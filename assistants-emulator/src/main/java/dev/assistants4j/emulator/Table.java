package dev.assistants4j.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The objects of one kind, by id, in the order they were created, paged by cursor as the service pages its
 * lists. Thread-safe; objects that change after they are added guard their own state.
 */
final class Table<T> {

	private final ConcurrentHashMap<String, Row<T>> rows = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	T add(String id, T value) {
		this.rows.put(id, new Row<>(id, this.sequence.incrementAndGet(), value));
		return value;
	}

	@Nullable T find(String id) {
		Row<T> row = this.rows.get(id);
		return (row != null) ? row.value() : null;
	}

	T get(String id, Supplier<WireError> missing) {
		T value = find(id);
		if (value == null) {
			throw missing.get();
		}
		return value;
	}

	/**
	 * Replaces an object in place, keeping its position in lists.
	 */
	T update(String id, UnaryOperator<T> change, Supplier<WireError> missing) {
		Row<T> row = this.rows.computeIfPresent(id,
				(key, current) -> new Row<>(key, current.sequence(), change.apply(current.value())));
		if (row == null) {
			throw missing.get();
		}
		return row.value();
	}

	@Nullable T remove(String id) {
		Row<T> row = this.rows.remove(id);
		return (row != null) ? row.value() : null;
	}

	/**
	 * Returns every object, oldest first.
	 */
	List<T> values() {
		return ordered(true).stream().map(Row::value).toList();
	}

	void clear() {
		this.rows.clear();
	}

	/**
	 * Returns one page of the objects that pass the filter: {@code limit} objects in the query's order, those
	 * after the {@code after} object and before the {@code before} object, the nearest to {@code before} when
	 * only it is given; {@code has_more} tells whether more lie beyond the page in the direction of reading.
	 */
	<R> ListResponse<R> page(ListQuery query, Predicate<? super T> filter, Function<? super T, R> render) {
		List<Row<T>> rows = ordered(query.ascending());
		int from = 0;
		int to = rows.size();
		// A cursor that names no object of this list leaves nothing on its side of it.
		if (query.after() != null) {
			int after = position(rows, query.after());
			from = (after >= 0) ? after + 1 : rows.size();
		}
		if (query.before() != null) {
			to = Math.max(position(rows, query.before()), 0);
		}
		List<Row<T>> candidates = new ArrayList<>();
		for (Row<T> row : rows.subList(Math.min(from, to), to)) {
			if (filter.test(row.value())) {
				candidates.add(row);
			}
		}
		boolean fromBefore = query.before() != null && query.after() == null;
		int size = Math.min(query.limit(), candidates.size());
		List<Row<T>> page = fromBefore ? candidates.subList(candidates.size() - size, candidates.size())
				: candidates.subList(0, size);
		List<R> data = page.stream().map((row) -> render.apply(row.value())).toList();
		return new ListResponse<>(data, page.isEmpty() ? null : page.get(0).id(),
				page.isEmpty() ? null : page.get(page.size() - 1).id(), candidates.size() > size);
	}

	private List<Row<T>> ordered(boolean ascending) {
		Comparator<Row<T>> bySequence = Comparator.comparingLong(Row::sequence);
		List<Row<T>> ordered = new ArrayList<>(this.rows.values());
		ordered.sort(ascending ? bySequence : bySequence.reversed());
		return ordered;
	}

	/**
	 * Finds a cursor's position, or -1.
	 */
	private static <T> int position(List<Row<T>> rows, String id) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	private record Row<T>(String id, long sequence, T value) {
	}

}
