package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An annotation of a range of a message's text: a file citation or a file path. Annotations of a type this
 * version does not know (such as the {@code url_citation} of other OpenAI APIs) decode to {@link Unknown}.
 */
public sealed interface TextAnnotation
		permits FileCitationAnnotation, FilePathAnnotation, TextAnnotation.Unknown {

	/**
	 * Returns the wire discriminator, such as {@code file_citation}.
	 * @return the annotation type, or {@code null} for an unknown annotation sent without one
	 */
	@Nullable String type();

	/**
	 * An annotation of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements TextAnnotation {
	}

}
