package dev.assistants4j.model.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.WireLists;

/**
 * A change to a message while a streamed run writes it ({@code thread.message.delta}). Each content part of
 * the delta carries the {@code index} of the part of the message it extends; text deltas are appended.
 *
 * @param id id of the message that changes
 * @param object always {@code thread.message.delta}
 * @param delta what changed
 */
public record MessageDelta(@Nullable String id, @Nullable String object, @Nullable Delta delta) {

	/**
	 * The fields of a message that changed.
	 *
	 * @param role who writes the message, when the delta sends it
	 * @param content the content parts that changed, never {@code null}
	 */
	public record Delta(@Nullable MessageRole role, List<MessageContentDelta> content) {

		/**
		 * Normalizes absent content to an empty list.
		 */
		public Delta {
			content = WireLists.copyOfNonNull(content);
		}

	}

}
