package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A path to a file that the code interpreter generated ({@code type: file_path}).
 *
 * @param text the text in the message that the path replaces, such as {@code sandbox:/mnt/data/chart.png}
 * @param filePath the generated file
 * @param startIndex index of the first character of {@code text} in the message's text
 * @param endIndex index after the last character of {@code text} in the message's text
 */
public record FilePathAnnotation(@Nullable String text, @JsonProperty("file_path") @Nullable FilePath filePath,
		@JsonProperty("start_index") @Nullable Integer startIndex,
		@JsonProperty("end_index") @Nullable Integer endIndex) implements TextAnnotation {

	/** Wire discriminator of this annotation. */
	public static final String TYPE = "file_path";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * A file the code interpreter generated.
	 *
	 * @param fileId id of the file
	 */
	public record FilePath(@JsonProperty("file_id") @Nullable String fileId) {
	}

}
