package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An annotation that came with a piece of a streamed text, at the annotation's {@code index} in the text's
 * annotations: a file citation or a file path. Annotations of a type this version does not know decode to
 * {@link Unknown}.
 */
public sealed interface TextAnnotationDelta
		permits TextAnnotationDelta.FileCitation, TextAnnotationDelta.FilePath, TextAnnotationDelta.Unknown {

	/**
	 * Returns the index of the annotation in the text's annotations.
	 * @return the index, or {@code null} if the server sent none
	 */
	@Nullable Integer index();

	/**
	 * Returns the wire discriminator, such as {@code file_citation}.
	 * @return the annotation type, or {@code null} for an unknown annotation sent without one
	 */
	@Nullable String type();

	/**
	 * A citation of a file that file search found ({@code type: file_citation}).
	 *
	 * @param index index of the annotation
	 * @param text the text in the message that the citation replaces
	 * @param fileCitation the cited file
	 * @param startIndex index of the first character of {@code text} in the message's text
	 * @param endIndex index after the last character of {@code text} in the message's text
	 */
	record FileCitation(@Nullable Integer index, @Nullable String text,
			@JsonProperty("file_citation") FileCitationAnnotation.@Nullable FileCitation fileCitation,
			@JsonProperty("start_index") @Nullable Integer startIndex,
			@JsonProperty("end_index") @Nullable Integer endIndex) implements TextAnnotationDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return FileCitationAnnotation.TYPE;
		}

	}

	/**
	 * A path to a file that the code interpreter generated ({@code type: file_path}).
	 *
	 * @param index index of the annotation
	 * @param text the text in the message that the path replaces
	 * @param filePath the generated file
	 * @param startIndex index of the first character of {@code text} in the message's text
	 * @param endIndex index after the last character of {@code text} in the message's text
	 */
	record FilePath(@Nullable Integer index, @Nullable String text,
			@JsonProperty("file_path") FilePathAnnotation.@Nullable FilePath filePath,
			@JsonProperty("start_index") @Nullable Integer startIndex,
			@JsonProperty("end_index") @Nullable Integer endIndex) implements TextAnnotationDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return FilePathAnnotation.TYPE;
		}

	}

	/**
	 * An annotation of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements TextAnnotationDelta {

		// Read from the raw JSON, so that a delta of an unknown type still merges at its index.
		@Override
		public @Nullable Integer index() {
			JsonNode index = this.raw.get("index");
			return (index != null && index.isIntegralNumber() && index.canConvertToInt()) ? index.intValue() : null;
		}

	}

}
