package dev.assistants4j.stream;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The rules every delta of a streamed run merges by: a field a delta sends replaces the one before and a field
 * it leaves out is kept, except the pieces of a text (a message's text, a function's arguments, code, logs),
 * which are appended; a delta without an index changes the first element, where a server that leaves the
 * index out, having only one, puts it.
 */
final class DeltaMerging {

	private DeltaMerging() {
	}

	static <V> @Nullable V latest(@Nullable V sent, @Nullable V before) {
		return (sent != null) ? sent : before;
	}

	static <T, V> @Nullable V latest(@Nullable V sent, @Nullable T before, Function<T, @Nullable V> field) {
		return (sent != null || before == null) ? sent : field.apply(before);
	}

	/**
	 * Appends a piece to a text that may not have started yet, keeping it absent while no piece came.
	 */
	static @Nullable StringBuilder append(@Nullable StringBuilder text, @Nullable String piece) {
		if (piece == null) {
			return text;
		}
		return (text != null) ? text.append(piece) : new StringBuilder(piece);
	}

	/**
	 * Appends a piece to a short text kept as a string, such as a refusal or a log.
	 */
	static @Nullable String joined(@Nullable String before, @Nullable String piece) {
		return (before != null && piece != null) ? before + piece : latest(piece, before);
	}

	static @Nullable String string(@Nullable StringBuilder text) {
		return (text != null) ? text.toString() : null;
	}

	static int indexOf(@Nullable Integer index) {
		return (index != null) ? index : 0;
	}

}
