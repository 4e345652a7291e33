package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An image file in a message ({@code type: image_file}): in the content of a message the server returns, and
 * as a part of a new message.
 *
 * @param imageFile the image file
 */
public record ImageFileContent(@JsonProperty("image_file") @Nullable ImageFile imageFile)
		implements MessageContent, InputPart {

	/** Wire discriminator of this part. */
	public static final String TYPE = "image_file";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * A reference to an uploaded image file.
	 *
	 * @param fileId id of the file
	 * @param detail the detail level, if one was specified
	 */
	public record ImageFile(@JsonProperty("file_id") @Nullable String fileId, @Nullable ImageDetail detail) {
	}

}
