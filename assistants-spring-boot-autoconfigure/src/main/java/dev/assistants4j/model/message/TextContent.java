package dev.assistants4j.model.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.WireLists;

/**
 * A text part of a message ({@code type: text}).
 *
 * @param text the text and its annotations
 */
public record TextContent(@Nullable Text text) implements MessageContent {

	/** Wire discriminator of this part. */
	public static final String TYPE = "text";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * The text of a part, with the annotations that cite files in it.
	 *
	 * @param value the text
	 * @param annotations file citations and file paths within the text, never {@code null}
	 */
	public record Text(@Nullable String value, List<TextAnnotation> annotations) {

		/**
		 * Normalizes absent annotations to an empty list.
		 */
		public Text {
			annotations = WireLists.copyOfNonNull(annotations);
		}

	}

}
