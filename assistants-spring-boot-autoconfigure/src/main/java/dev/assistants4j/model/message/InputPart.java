package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * A part of the content of a new message: text, an image file or an image URL. An {@link Unknown} part sends
 * its raw JSON unchanged, for part types this version does not know.
 */
public sealed interface InputPart permits InputText, ImageFileContent, ImageUrlContent, InputPart.Unknown {

	/**
	 * Returns the wire discriminator, such as {@code text}.
	 * @return the part type, or {@code null} for an unknown part sent without one
	 */
	@Nullable String type();

	/**
	 * A text part.
	 * @param text the text
	 * @return a text part
	 */
	static InputText text(String text) {
		Assert.notNull(text, "'text' must not be null");
		return new InputText(text);
	}

	/**
	 * An image file part, seen at the server's default detail.
	 * @param fileId id of an uploaded image file, preferably with purpose {@code vision}
	 * @return an image file part
	 */
	static ImageFileContent imageFile(String fileId) {
		return imageFile(fileId, null);
	}

	/**
	 * An image file part.
	 * @param fileId id of an uploaded image file, preferably with purpose {@code vision}
	 * @param detail the detail level, or {@code null} for the server's default
	 * @return an image file part
	 */
	static ImageFileContent imageFile(String fileId, @Nullable ImageDetail detail) {
		Assert.hasText(fileId, "'fileId' must not be blank");
		return new ImageFileContent(new ImageFileContent.ImageFile(fileId, detail));
	}

	/**
	 * An image URL part, seen at the server's default detail.
	 * @param url the URL of a jpeg, png, gif or webp image
	 * @return an image URL part
	 */
	static ImageUrlContent imageUrl(String url) {
		return imageUrl(url, null);
	}

	/**
	 * An image URL part.
	 * @param url the URL of a jpeg, png, gif or webp image
	 * @param detail the detail level, or {@code null} for the server's default
	 * @return an image URL part
	 */
	static ImageUrlContent imageUrl(String url, @Nullable ImageDetail detail) {
		Assert.hasText(url, "'url' must not be blank");
		return new ImageUrlContent(new ImageUrlContent.ImageUrl(url, detail));
	}

	/**
	 * A part of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements InputPart {
	}

}
