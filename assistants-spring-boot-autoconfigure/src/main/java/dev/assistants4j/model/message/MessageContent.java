package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A part of a message's content: text, an image file, an image URL or a refusal. Parts of a type this version
 * does not know (such as a future {@code audio} part) decode to {@link Unknown}.
 */
public sealed interface MessageContent
		permits TextContent, ImageFileContent, ImageUrlContent, RefusalContent, MessageContent.Unknown {

	/**
	 * Returns the wire discriminator, such as {@code text}.
	 * @return the part type, or {@code null} for an unknown part sent without one
	 */
	@Nullable String type();

	/**
	 * A part of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements MessageContent {
	}

}
