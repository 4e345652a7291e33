package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A citation of a file that file search found ({@code type: file_citation}).
 *
 * @param text the text in the message that the citation replaces, such as {@code 【4:0†source】}
 * @param fileCitation the cited file
 * @param startIndex index of the first character of {@code text} in the message's text
 * @param endIndex index after the last character of {@code text} in the message's text
 */
public record FileCitationAnnotation(@Nullable String text,
		@JsonProperty("file_citation") @Nullable FileCitation fileCitation,
		@JsonProperty("start_index") @Nullable Integer startIndex,
		@JsonProperty("end_index") @Nullable Integer endIndex) implements TextAnnotation {

	/** Wire discriminator of this annotation. */
	public static final String TYPE = "file_citation";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * The file a citation comes from.
	 *
	 * @param fileId id of the file
	 * @param quote the quoted text, which servers sent before v2 and some still send
	 */
	public record FileCitation(@JsonProperty("file_id") @Nullable String fileId, @Nullable String quote) {
	}

}
