package dev.assistants4j.model.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * How a thread is truncated before a run, to fit the model's context: {@code auto}, {@code last_messages}, or
 * a strategy this version does not know, kept as {@link Unknown}.
 */
public sealed interface TruncationStrategy
		permits TruncationStrategy.Auto, TruncationStrategy.LastMessages, TruncationStrategy.Unknown {

	/**
	 * Returns the wire discriminator.
	 * @return the strategy type, or {@code null} for an unknown strategy sent without one
	 */
	@Nullable String type();

	/**
	 * The server's default: messages in the middle of the thread are dropped to fit the context.
	 * @return the {@code auto} strategy
	 */
	static Auto auto() {
		return new Auto();
	}

	/**
	 * Only the most recent messages of the thread.
	 * @param count how many messages, at least 1
	 * @return the {@code last_messages} strategy
	 */
	static LastMessages lastMessages(int count) {
		Assert.isTrue(count >= 1, () -> "'count' must be at least 1 but was " + count);
		return new LastMessages(count);
	}

	/**
	 * The server drops messages from the middle of the thread ({@code type: auto}).
	 */
	record Auto() implements TruncationStrategy {

		@Override
		@JsonProperty("type")
		public String type() {
			return "auto";
		}

	}

	/**
	 * Only the most recent messages ({@code type: last_messages}).
	 *
	 * @param lastMessages how many of the most recent messages the run sees
	 */
	record LastMessages(@JsonProperty("last_messages") @Nullable Integer lastMessages) implements TruncationStrategy {

		@Override
		@JsonProperty("type")
		public String type() {
			return "last_messages";
		}

	}

	/**
	 * A strategy this version does not know, kept as raw JSON.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements TruncationStrategy {
	}

}
