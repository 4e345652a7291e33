package dev.assistants4j.model.vectorstore;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How a vector store splits files into chunks. Requests choose {@code auto} or {@code static}; responses say
 * {@code static}, or {@code other} for a file chunked before strategies existed. A strategy this version does
 * not know is kept as {@link Unknown}.
 */
public sealed interface ChunkingStrategy
		permits ChunkingStrategy.Auto, ChunkingStrategy.Static, ChunkingStrategy.Other, ChunkingStrategy.Unknown {

	/**
	 * Returns the wire discriminator.
	 * @return the strategy type, or {@code null} for an unknown strategy sent without one
	 */
	@Nullable String type();

	/**
	 * The server's default strategy.
	 * @return the {@code auto} strategy
	 */
	static Auto auto() {
		return new Auto();
	}

	/**
	 * A fixed chunk size and overlap.
	 * @param maxChunkSizeTokens maximum tokens per chunk, 100 to 4096
	 * @param chunkOverlapTokens tokens shared by consecutive chunks, at most half the chunk size
	 * @return the {@code static} strategy
	 */
	static Static fixed(int maxChunkSizeTokens, int chunkOverlapTokens) {
		return new Static(new Static.Settings(maxChunkSizeTokens, chunkOverlapTokens));
	}

	/**
	 * The server chooses ({@code type: auto}).
	 */
	record Auto() implements ChunkingStrategy {

		@Override
		@JsonProperty("type")
		public String type() {
			return "auto";
		}

	}

	/**
	 * Fixed-size chunks ({@code type: static}).
	 *
	 * @param settings chunk size and overlap
	 */
	record Static(@JsonProperty("static") @Nullable Settings settings) implements ChunkingStrategy {

		@Override
		@JsonProperty("type")
		public String type() {
			return "static";
		}

		/**
		 * Chunk size and overlap of a static strategy.
		 *
		 * @param maxChunkSizeTokens maximum tokens per chunk
		 * @param chunkOverlapTokens tokens shared by consecutive chunks
		 */
		public record Settings(@JsonProperty("max_chunk_size_tokens") @Nullable Integer maxChunkSizeTokens,
				@JsonProperty("chunk_overlap_tokens") @Nullable Integer chunkOverlapTokens) {
		}

	}

	/**
	 * The strategy of a file chunked before strategies existed ({@code type: other}); responses only.
	 */
	record Other() implements ChunkingStrategy {

		@Override
		@JsonProperty("type")
		public String type() {
			return "other";
		}

	}

	/**
	 * A strategy this version does not know, kept as raw JSON.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements ChunkingStrategy {
	}

}
