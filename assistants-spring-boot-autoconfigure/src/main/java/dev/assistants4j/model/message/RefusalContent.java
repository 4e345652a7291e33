package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's refusal to answer ({@code type: refusal}).
 *
 * @param refusal the refusal's text
 */
public record RefusalContent(@Nullable String refusal) implements MessageContent {

	/** Wire discriminator of this part. */
	public static final String TYPE = "refusal";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
