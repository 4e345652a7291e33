package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An image URL in a message ({@code type: image_url}): in the content of a message the server returns, and as
 * a part of a new message.
 *
 * @param imageUrl the image URL
 */
public record ImageUrlContent(@JsonProperty("image_url") @Nullable ImageUrl imageUrl)
		implements MessageContent, InputPart {

	/** Wire discriminator of this part. */
	public static final String TYPE = "image_url";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * A reference to an image on the web.
	 *
	 * @param url the image's URL
	 * @param detail the detail level, if one was specified
	 */
	public record ImageUrl(@Nullable String url, @Nullable ImageDetail detail) {
	}

}
