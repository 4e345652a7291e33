package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A text part of a new message ({@code type: text}). Unlike the {@link TextContent} of a message the server
 * returns, its {@code text} is a bare string.
 *
 * @param text the text
 */
public record InputText(@Nullable String text) implements InputPart {

	/** Wire discriminator of this part. */
	public static final String TYPE = "text";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
