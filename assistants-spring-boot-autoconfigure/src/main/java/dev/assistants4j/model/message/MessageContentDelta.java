package dev.assistants4j.model.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.assistants4j.model.WireLists;

/**
 * A change to one content part of a message, at the part's {@code index}: text, an image file, an image URL
 * or a refusal. Parts of a type this version does not know decode to {@link Unknown}.
 */
public sealed interface MessageContentDelta permits MessageContentDelta.Text, MessageContentDelta.ImageFile,
		MessageContentDelta.ImageUrl, MessageContentDelta.Refusal, MessageContentDelta.Unknown {

	/**
	 * Returns the index of the content part this delta changes.
	 * @return the index, or {@code null} if the server sent none
	 */
	@Nullable Integer index();

	/**
	 * Returns the wire discriminator, such as {@code text}.
	 * @return the part type, or {@code null} for an unknown part sent without one
	 */
	@Nullable String type();

	/**
	 * More text of a text part ({@code type: text}).
	 *
	 * @param index index of the part
	 * @param text the text to append and the annotations that came with it
	 */
	record Text(@Nullable Integer index, @Nullable TextDelta text) implements MessageContentDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return TextContent.TYPE;
		}

	}

	/**
	 * A piece of text and the annotations of it.
	 *
	 * @param value the text to append to the part's text
	 * @param annotations annotations that came with this piece, never {@code null}
	 */
	record TextDelta(@Nullable String value, List<TextAnnotationDelta> annotations) {

		/**
		 * Normalizes absent annotations to an empty list.
		 */
		public TextDelta {
			annotations = WireLists.copyOfNonNull(annotations);
		}

	}

	/**
	 * An image file part ({@code type: image_file}).
	 *
	 * @param index index of the part
	 * @param imageFile the image file
	 */
	record ImageFile(@Nullable Integer index,
			@JsonProperty("image_file") ImageFileContent.@Nullable ImageFile imageFile) implements MessageContentDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return ImageFileContent.TYPE;
		}

	}

	/**
	 * An image URL part ({@code type: image_url}).
	 *
	 * @param index index of the part
	 * @param imageUrl the image URL
	 */
	record ImageUrl(@Nullable Integer index,
			@JsonProperty("image_url") ImageUrlContent.@Nullable ImageUrl imageUrl) implements MessageContentDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return ImageUrlContent.TYPE;
		}

	}

	/**
	 * More of a refusal ({@code type: refusal}).
	 *
	 * @param index index of the part
	 * @param refusal the refusal's text to append
	 */
	record Refusal(@Nullable Integer index, @Nullable String refusal) implements MessageContentDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return RefusalContent.TYPE;
		}

	}

	/**
	 * A part of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements MessageContentDelta {

		// Read from the raw JSON, so that a delta of an unknown type still merges at its index.
		@Override
		public @Nullable Integer index() {
			JsonNode index = this.raw.get("index");
			return (index != null && index.isIntegralNumber() && index.canConvertToInt()) ? index.intValue() : null;
		}

	}

}
