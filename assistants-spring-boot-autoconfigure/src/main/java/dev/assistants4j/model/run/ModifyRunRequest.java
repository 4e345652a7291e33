package dev.assistants4j.model.run;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.MetadataBuilder;

/**
 * Request to modify a run: only its metadata can change. An empty request sends {@code {}} and changes
 * nothing.
 *
 * @param metadata up to 16 key-value pairs, replacing the run's metadata
 */
public record ModifyRunRequest(@Nullable Map<String, String> metadata) {

	/**
	 * Starts an empty request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link ModifyRunRequest}.
	 */
	public static final class Builder extends MetadataBuilder<Builder> {

		private Builder() {
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ModifyRunRequest build() {
			return new ModifyRunRequest(buildMetadata());
		}

	}

}
